#!/usr/bin/python3
"""Decodes a PNG with zlib alone: signature, chunk CRCs, IHDR, the IDAT
stream inflated to exactly height * (1 + width * bytes per pixel) bytes,
and every filter byte valid (0-4).  Exit 0 when all holds."""
import struct
import sys
import zlib

data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'signature'
pos, idat, ihdr, seen_end = 8, b'', None, False
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    crc = struct.unpack('>I', data[pos + 8 + n:pos + 12 + n])[0]
    assert zlib.crc32(kind + body) & 0xffffffff == crc, 'crc of %r' % kind
    if kind == b'IHDR':
        ihdr = struct.unpack('>IIBBBBB', body)
    elif kind == b'IDAT':
        idat += body
    elif kind == b'IEND':
        seen_end = True
    pos += 12 + n
assert ihdr and seen_end, 'IHDR and IEND'
w, h, depth, ctype = ihdr[:4]
assert depth == 8 and ctype in (2, 6), '8-bit RGB or RGBA'
bpp = 3 if ctype == 2 else 4
raw = zlib.decompress(idat)
stride = 1 + w * bpp
assert len(raw) == h * stride, 'pixel data size'
assert all(raw[i * stride] <= 4 for i in range(h)), 'filter bytes'
print('%dx%d' % (w, h))
