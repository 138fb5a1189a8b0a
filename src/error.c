/* Error values and their messages. */
#include "earnchart/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const messages[EC_ERR_COUNT] = {
    [EC_OK] = "no error",
    [EC_ENOMEM] = "out of memory",
    [EC_EIO] = "input/output error",
    [EC_EPARSE] = "malformed input",
    [EC_EINVAL] = "invalid argument",
    [EC_ECONFLICT] = "conflicting values",
    [EC_ELIMIT] = "limit exceeded",
    [EC_ENUMERIC] = "numerical error",
    [EC_EFONT] = "font error",
    [EC_ERENDER] = "rendering error",
    [EC_ENODATA] = "no data",
};

const char *ec_strerror(ec_err code)
{
	if ((int)code < 0 || code >= EC_ERR_COUNT)
		return "unknown error";
	return messages[code];
}

void ec_error_clear(ec_error *e)
{
	if (!e)
		return;
	e->code = EC_OK;
	e->file[0] = '\0';
	e->line = 0;
	e->column = 0;
	e->msg[0] = '\0';
}

ec_err ec_error_set(ec_error *e, ec_err code, const char *file, long line,
                    long column, const char *fmt, ...)
{
	if (!e)
		return code;
	e->code = code;
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	e->column = column;
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
	} else {
		snprintf(e->msg, sizeof e->msg, "%s", ec_strerror(code));
	}
	return code;
}

char *ec_error_format(const ec_error *e, char *buf, size_t n)
{
	if (!buf || n == 0)
		return buf;
	if (!e) {
		snprintf(buf, n, "%s", ec_strerror(EC_OK));
		return buf;
	}
	const char *msg = e->msg[0] ? e->msg : ec_strerror(e->code);
	if (e->file[0] && e->line > 0 && e->column > 0)
		snprintf(buf, n, "%s:%ld:%ld: %s", e->file, e->line, e->column, msg);
	else if (e->file[0] && e->line > 0)
		snprintf(buf, n, "%s:%ld: %s", e->file, e->line, msg);
	else if (e->file[0])
		snprintf(buf, n, "%s: %s", e->file, msg);
	else
		snprintf(buf, n, "%s", msg);
	return buf;
}
