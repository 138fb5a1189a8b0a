/* Who speaks in a call transcript, for the transcript formats that the
 * line classifier (text.c) does not see by itself:
 *   - a participants roster at the top ("Company Participants",
 *     "Conference Call Participants", "Executives", "Analysts") whose
 *     entries give each name its side;
 *   - a speaker named on a line of its own, with no title ("Scott Herren"
 *     then a blank line then the remarks), optionally followed by a title
 *     line ("Chief Financial Officer, Acme Inc." or "Analyst, Big Bank");
 *   - a speaker opening a paragraph with a bare name ("Scott Herren:
 *     Thanks, Chuck. Total revenue was ...");
 *   - analysts named by the operator ("Our next question comes from Amit
 *     Daryanani with Evercore ISI").
 * The pass runs after classification and recomputes the speaker role and
 * the Q&A flag of every line.  Lines that classify() already found keep
 * their role unless the roster says otherwise, so documents in the formats
 * it knows read exactly as before. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ex.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define SPEAKERS_SSE2 1
#else
#define SPEAKERS_SSE2 0
#endif

#define MAX_PEOPLE 128
#define NAME_MAX_LEN 64

typedef struct person {
	char name[NAME_MAX_LEN];
	size_t len;
	int role; /* EX_ROLE_COMPANY or EX_ROLE_ANALYST */
} person;

typedef struct people {
	person v[MAX_PEOPLE];
	int n;
	uint64_t lens; /* bit n set when some name is n bytes long */
} people;

static int find_slow(const people *p, const char *s, size_t n)
{
	for (int i = 0; i < p->n; i++)
		if (p->v[i].len == n && memcmp(p->v[i].name, s, n) == 0)
			return i;
	return -1;
}

static inline int find(const people *p, const char *s, size_t n)
{
	/* add() keeps names shorter than NAME_MAX_LEN (64) bytes and marks
	 * their lengths: most lines asked for are longer or of a length no
	 * name has */
	if (n >= NAME_MAX_LEN || !(p->lens >> n & 1))
		return -1;
	return find_slow(p, s, n);
}

/* Records a name; the first side given to a name stays (a roster is read
 * before the operator's introductions). */
static void add(people *p, const char *s, size_t n, int role)
{
	if (n == 0 || n >= NAME_MAX_LEN || find(p, s, n) >= 0 || p->n >= MAX_PEOPLE)
		return;
	memcpy(p->v[p->n].name, s, n);
	p->v[p->n].name[n] = 0;
	p->v[p->n].len = n;
	p->v[p->n].role = role;
	p->n++;
	p->lens |= (uint64_t)1 << n;
}

static void trim(const char *s, size_t *a, size_t *b)
{
	while (*a < *b && (s[*a] == ' ' || s[*a] == '\t' || s[*a] == '\r'))
		(*a)++;
	while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t' || s[*b - 1] == '\r'))
		(*b)--;
}

/* bare() of a line that may have something to take off. */
static void bare_slow(const char *s, size_t *a, size_t *b)
{
	trim(s, a, b);
	while (*a < *b && (s[*a] == '*' || s[*a] == '#' || s[*a] == '_' ||
	                   ((s[*a] == '-' || s[*a] == '+') && *a + 1 < *b && s[*a + 1] == ' ')))
		(*a)++;
	/* a bullet "•" (e2 80 a2) */
	if (*b - *a >= 3 && (unsigned char)s[*a] == 0xe2 && (unsigned char)s[*a + 1] == 0x80 &&
	    (unsigned char)s[*a + 2] == 0xa2)
		*a += 3;
	trim(s, a, b);
	while (*b > *a && (s[*b - 1] == '*' || s[*b - 1] == '_' || s[*b - 1] == ':'))
		(*b)--;
	trim(s, a, b);
}

/* Trimmed, without list markers and Markdown emphasis or heading marks
 * around it, and without a closing colon. */
static inline void bare(const char *s, size_t *a, size_t *b)
{
	/* most lines open with a letter or digit and end with one or with
	 * '.', '?' or ')': nothing to take off either end */
	if (*a < *b) {
		unsigned char f = (unsigned char)s[*a], l = (unsigned char)s[*b - 1];
		if (ex_is_word(f) && (ex_is_word(l) || l == '.' || l == '?' || l == ')'))
			return;
	}
	bare_slow(s, a, b);
}

static int ci_eq(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	if (m != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ex_lower((unsigned char)s[i]) != (unsigned char)w[i])
			return 0;
	return 1;
}

static int ci_has_word(const char *s, size_t n, const char *w)
{
	/* ex_word_at() compares the first byte first; testing it before the
	 * word start skips most bytes at one compare */
	unsigned char w0 = ex_lower((unsigned char)w[0]);
	for (size_t i = 0; i < n; i++)
		if (ex_lower((unsigned char)s[i]) == w0 &&
		    (i == 0 || !ex_is_word((unsigned char)s[i - 1])) && ex_word_at(s, n, i, w))
			return 1;
	return 0;
}

/* Capitalised words that name things, not people: a line made of them is
 * a heading, not a speaker.  The list is in strcmp() order (bytes) for
 * the binary search. */
static int not_a_name_word(const char *w, size_t n)
{
	static const char *const words[] = {
	    "about", "advisors", "afternoon", "agenda", "analyst", "analysts", "answer", "answers",
	    "appendix", "audio", "balance", "bank", "business", "call", "capital", "cash",
	    "closing", "company", "conclusion", "condensed", "conference", "consolidated",
	    "contact", "contacts", "contents", "copyright", "corp", "corporation", "data", "date",
	    "definitions", "disclaimer", "discussion", "earnings", "end", "evening", "event",
	    "executives", "expenses", "financial", "first", "fiscal", "flow", "forward-looking",
	    "fourth", "full", "gaap", "global", "good", "gross", "group", "guidance", "harbor",
	    "highlights", "holdings", "host", "inc", "income", "international", "introduction",
	    "investor", "investors", "key", "live", "llc", "ltd", "management", "margin",
	    "margins", "markets", "media", "metrics", "moderator", "morning", "net", "networks",
	    "news", "non-gaap", "note", "notes", "opening", "operating", "operator", "other",
	    "outlook", "overview", "participant", "participants", "partners", "plc", "prepared",
	    "presentation", "press", "product", "products", "quarter", "quarterly", "question",
	    "questions", "reconciliation", "relations", "release", "remarks", "replay", "research",
	    "results", "revenue", "revenues", "review", "safe", "second", "section", "securities",
	    "segment", "segments", "selected", "service", "services", "session", "sheet", "source",
	    "speaker", "speakers", "statement", "statements", "summary", "systems", "table",
	    "technologies", "thank", "thanks", "third", "time", "total", "transcript", "unaudited",
	    "update", "updates", "webcast", "welcome", "year",
	};
	char low[24];
	if (n == 0 || n >= sizeof low)
		return 0;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '.' || w[i] == ',')
			continue;
		low[k++] = (char)ex_lower((unsigned char)w[i]);
	}
	low[k] = 0;
	size_t lo = 0, hi = sizeof words / sizeof words[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(low, words[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* A byte that may stand in a person's name (person_name): a letter, '.',
 * '-', an apostrophe, UTF-8, or the blank between words. */
static int name_byte(unsigned char c)
{
	return ex_is_alpha(c) || c == '.' || c == '-' || c == '\'' || c >= 0x80 || c == ' ';
}

/* A person's name: 2..5 words, each capitalised (ASCII or a UTF-8
 * letter), of letters, '.', '-' and apostrophes, no digits; lower-case
 * particles ("de", "van") inside.  Returns the number of words, 0 when
 * not a name (every caller wants two words at least).  The shape is
 * tested first, the list of words that name things (the costly part)
 * only for a line of that shape. */
static int person_name(const char *s, size_t a, size_t b)
{
	int words = 0, caps = 0;
	size_t i = a;
	if (a >= b || b - a >= NAME_MAX_LEN ||
	    !(((unsigned char)s[a] >= 'A' && (unsigned char)s[a] <= 'Z') || (unsigned char)s[a] >= 0xc0))
		return 0;
	while (i < b) {
		if (s[i] == ' ') {
			if (i + 1 < b && s[i + 1] == ' ')
				return 0;
			i++;
			continue;
		}
		size_t ws = i;
		while (i < b && s[i] != ' ') {
			unsigned char c = (unsigned char)s[i];
			if (!(ex_is_alpha(c) || c == '.' || c == '-' || c == '\'' || c >= 0x80))
				return 0;
			i++;
		}
		unsigned char c0 = (unsigned char)s[ws];
		size_t n = i - ws;
		if ((c0 >= 'A' && c0 <= 'Z') || c0 >= 0xc0) {
			caps++;
		} else if (!(ci_eq(s + ws, n, "de") || ci_eq(s + ws, n, "van") || ci_eq(s + ws, n, "von") ||
		             ci_eq(s + ws, n, "da") || ci_eq(s + ws, n, "del") || ci_eq(s + ws, n, "la") ||
		             ci_eq(s + ws, n, "le") || ci_eq(s + ws, n, "di") || ci_eq(s + ws, n, "der") ||
		             ci_eq(s + ws, n, "bin"))) {
			return 0;
		}
		words++;
	}
	if (words < 2 || words > 5 || caps < 1)
		return 0;
	/* the capitalised words: none may name a thing */
	for (i = a; i < b;) {
		if (s[i] == ' ') {
			i++;
			continue;
		}
		size_t ws = i;
		while (i < b && s[i] != ' ')
			i++;
		unsigned char c0 = (unsigned char)s[ws];
		if (((c0 >= 'A' && c0 <= 'Z') || c0 >= 0xc0) && not_a_name_word(s + ws, i - ws))
			return 0;
	}
	return words;
}

/* A word of title_like() at s[i] (a word start): one switch on the
 * first letter instead of a scan of the text per word. */
static int title_word_at(const char *s, size_t b, size_t i)
{
	switch (ex_lower((unsigned char)s[i])) {
	case 'a':
		return ex_word_at(s, b, i, "analyst") != 0;
	case 'c':
		return ex_word_at(s, b, i, "chief") || ex_word_at(s, b, i, "ceo") ||
		       ex_word_at(s, b, i, "cfo") || ex_word_at(s, b, i, "coo") ||
		       ex_word_at(s, b, i, "cto") || ex_word_at(s, b, i, "chairman") ||
		       ex_word_at(s, b, i, "chair") || ex_word_at(s, b, i, "controller") ||
		       ex_word_at(s, b, i, "counsel");
	case 'd':
		return ex_word_at(s, b, i, "director") != 0;
	case 'e':
		return ex_word_at(s, b, i, "executive") || ex_word_at(s, b, i, "evp");
	case 'f':
		return ex_word_at(s, b, i, "founder") != 0;
	case 'h':
		return ex_word_at(s, b, i, "head") != 0;
	case 'i':
		return ex_word_at(s, b, i, "investor") != 0;
	case 'm':
		return ex_word_at(s, b, i, "managing") || ex_word_at(s, b, i, "md") ||
		       ex_word_at(s, b, i, "manager");
	case 'o':
		return ex_word_at(s, b, i, "officer") != 0;
	case 'p':
		return ex_word_at(s, b, i, "president") || ex_word_at(s, b, i, "partner");
	case 'r':
		return ex_word_at(s, b, i, "relations") != 0;
	case 's':
		return ex_word_at(s, b, i, "svp") || ex_word_at(s, b, i, "secretary");
	case 't':
		return ex_word_at(s, b, i, "treasurer") != 0;
	case 'v':
		return ex_word_at(s, b, i, "vice") || ex_word_at(s, b, i, "vp");
	default:
		return 0;
	}
}

/* A job title or a firm's line: "Chief Financial Officer", "EVP & CFO",
 * "Analyst, Evercore ISI": one of the words "officer", "president",
 * "chief", "ceo", "cfo", "coo", "cto", "analyst", "director", "vice",
 * "vp", "head", "relations", "chairman", "chair", "treasurer",
 * "controller", "founder", "executive", "managing", "partner", "svp",
 * "evp", "md", "investor", "secretary", "counsel", "manager"
 * (title_word_at), no digits, '?' or '!'. */
static int title_like(const char *s, size_t a, size_t b)
{
	if (b - a > 140)
		return 0;
	/* one pass: a digit, '?' or '!' anywhere says no, even after a
	 * title word */
	int title = 0;
	size_t i = a;
#if SPEAKERS_SSE2
	/* 16 bytes at a time: title_word_at() only at letters after no word
	 * byte (it reads no title at a byte that is no letter) */
	const __m128i b20 = _mm_set1_epi8(0x20), l0 = _mm_set1_epi8(0x60), l1 = _mm_set1_epi8(0x7b),
	              d0 = _mm_set1_epi8(0x2f), d1 = _mm_set1_epi8(0x3a), q = _mm_set1_epi8('?'),
	              x = _mm_set1_epi8('!');
	unsigned prev = 0; /* s[i - 1] is a word byte */
	for (; i + 16 <= b; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i l = _mm_or_si128(v, b20);
		/* (bytes from 0x80 on are negative: no letter, no digit) */
		__m128i dig = _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d1));
		__m128i bad = _mm_or_si128(dig, _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, x)));
		if (_mm_movemask_epi8(bad))
			return 0;
		/* no digit here: the word bytes are the letters */
		unsigned w = (unsigned)_mm_movemask_epi8(
		    _mm_and_si128(_mm_cmpgt_epi8(l, l0), _mm_cmplt_epi8(l, l1)));
		for (unsigned m = title ? 0 : w & ~(w << 1 | prev); m; m &= m - 1)
			if (title_word_at(s, b, i + (unsigned)__builtin_ctz(m))) {
				title = 1;
				break;
			}
		prev = w >> 15;
	}
#endif
	for (; i < b; i++) {
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '?' || s[i] == '!')
			return 0;
		if (!title && (i == a || !ex_is_word((unsigned char)s[i - 1])) && title_word_at(s, b, i))
			title = 1;
	}
	return title;
}

/* A field separator of separator() at i (i + 1 < b). */
static inline int separator_at(const char *s, size_t i, size_t b)
{
	if (s[i] == ',' && s[i + 1] == ' ')
		return 1;
	if (s[i] != ' ')
		return 0;
	if (i + 2 < b && s[i + 1] == '-' && (s[i + 2] == ' ' || (s[i + 2] == '-' && i + 3 < b && s[i + 3] == ' ')))
		return 1;
	return i + 4 < b && (unsigned char)s[i + 1] == 0xe2 && (unsigned char)s[i + 2] == 0x80 &&
	       ((unsigned char)s[i + 3] == 0x93 || (unsigned char)s[i + 3] == 0x94) && s[i + 4] == ' ';
}

/* The first field separator of a roster or speaker line: " - ", " -- ",
 * " – ", " — " or ", ".  Returns its offset, b when there is none. */
static size_t separator(const char *s, size_t a, size_t b)
{
	size_t i = a;
#if SPEAKERS_SSE2
	/* 16 bytes at a time: separator_at() only at a ',' or a blank, which
	 * every separator starts with */
	const __m128i comma = _mm_set1_epi8(','), blank = _mm_set1_epi8(' ');
	for (; i + 16 < b; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(
		    _mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, blank)));
		for (; m; m &= m - 1) {
			size_t j = i + (unsigned)__builtin_ctz(m); /* j + 1 < b */
			if (separator_at(s, j, b))
				return j;
		}
	}
#endif
	for (; i + 1 < b; i++)
		if (separator_at(s, i, b))
			return i;
	return b;
}

/* separator() for a name before it (s[a] not a blank): a separator
 * NAME_MAX_LEN bytes or more after a leaves no name (person_name), so the
 * search stops there; so it does where what comes before a later
 * separator cannot be a name: a byte that cannot stand in one
 * (name_byte), a sixth word, a lower-case word of four letters or more
 * (no particle).  b when there is none before. */
static size_t name_separator(const char *s, size_t a, size_t b)
{
	size_t lim = b - a > NAME_MAX_LEN + 4 ? a + NAME_MAX_LEN + 4 : b;
	int words = 1;
	for (size_t i = a; i + 1 < lim; i++) {
		/* a letter is no separator and may stand in a name */
		if (ex_is_alpha((unsigned char)s[i]))
			continue;
		if (s[i] == ',' && s[i + 1] == ' ')
			return i - a < NAME_MAX_LEN ? i : b;
		if (s[i] == ' ') {
			unsigned char c1 = (unsigned char)s[i + 1];
			if (i + 2 < lim && c1 == '-' &&
			    (s[i + 2] == ' ' || (s[i + 2] == '-' && i + 3 < lim && s[i + 3] == ' ')))
				return i - a < NAME_MAX_LEN ? i : b;
			if (i + 4 < lim && c1 == 0xe2 && (unsigned char)s[i + 2] == 0x80 &&
			    ((unsigned char)s[i + 3] == 0x93 || (unsigned char)s[i + 3] == 0x94) && s[i + 4] == ' ')
				return i - a < NAME_MAX_LEN ? i : b;
			/* a word starts at i + 1 and lies before any separator
			 * still to come (they start with ',' or a blank) */
			if (c1 != ' ' && c1 != ',') {
				if (++words > 5)
					return b;
				if (c1 >= 'a' && c1 <= 'z' && i + 4 < lim && ex_is_alpha((unsigned char)s[i + 2]) &&
				    ex_is_alpha((unsigned char)s[i + 3]) && ex_is_alpha((unsigned char)s[i + 4]))
					return b;
			}
		} else if (!name_byte((unsigned char)s[i])) {
			return b;
		}
	}
	return b;
}

static int words_in(const char *s, size_t a, size_t b)
{
	int w = 0;
	for (size_t i = a; i < b; i++)
		if (s[i] != ' ' && (i == a || s[i - 1] == ' '))
			w++;
	return w;
}

/* Roster headings: 0 the company's side, 1 the analysts', 2 both,
 * -1 not a roster heading; t[0..n) is the line after bare(). */
static int roster_heading(const char *t, size_t n)
{
	/* the headings below are 7 ("analyst") to 30 bytes long */
	if (n < 7 || n > 30)
		return -1;
	if (ci_eq(t, n, "company participants") || ci_eq(t, n, "corporate participants") ||
	    ci_eq(t, n, "executives") || ci_eq(t, n, "company representatives") ||
	    ci_eq(t, n, "company speakers") || ci_eq(t, n, "management") ||
	    ci_eq(t, n, "corporate speakers") || ci_eq(t, n, "company executives"))
		return 0;
	if (ci_eq(t, n, "conference call participants") || ci_eq(t, n, "analysts") || ci_eq(t, n, "other participants") ||
	    ci_eq(t, n, "analyst participants") || ci_eq(t, n, "analyst") ||
	    ci_eq(t, n, "conference participants"))
		return 1;
	if (ci_eq(t, n, "participants") || ci_eq(t, n, "call participants") ||
	    ci_eq(t, n, "call participants and speakers") ||
	    ci_eq(t, n, "speakers"))
		return 2;
	return -1;
}

/* "Operator" alone; t[0..n) is the line after bare(). */
static int is_operator(const char *t, size_t n)
{
	return ci_eq(t, n, "operator");
}

/* "Operator: ..." opening a line (one turn, not a collapsed call). */
static int inline_operator(const char *s, size_t a, size_t b)
{
	/* "operator" must open the line after the blanks: most lines fail
	 * at their first letter, before the end is trimmed */
	size_t f = a;
	while (f < b && (s[f] == ' ' || s[f] == '\t' || s[f] == '\r'))
		f++;
	if (f >= b || ex_lower((unsigned char)s[f]) != 'o')
		return 0;
	trim(s, &a, &b);
	return b - a > 10 && ex_word_at(s, b, a, "operator") && s[a + 8] == ':' &&
	       !ex_collapsed_turns(s, a + 9, b);
}

/* The analysts the operator names: "question comes from NAME with FIRM",
 * "the line of NAME", "go to NAME", "next is NAME". */
/* One place of intros(): the cue word at i (a word start) with its
 * question or line before it and the name after it. */
static void intro_at(people *p, const char *s, size_t a, size_t b, size_t i)
{
	/* the cues "from", "of", "is", "have": by their first letters,
	 * which differ (one ex_word_at() per word at most) */
	size_t e;
	switch (ex_lower((unsigned char)s[i])) {
	case 'f':
		e = ex_word_at(s, b, i, "from");
		break;
	case 'o':
		e = ex_word_at(s, b, i, "of");
		break;
	case 'i':
		e = ex_word_at(s, b, i, "is");
		break;
	case 'h':
		e = ex_word_at(s, b, i, "have");
		break;
	default:
		return;
	}
	if (!e || e >= b || s[e] != ' ')
		return;
	if (i > a && ex_is_word((unsigned char)s[i - 1]))
		return;
	/* the cue must follow a question or a line: "question comes
	 * from", "line of", "go to", "next is", "we have" */
	size_t lo = i > a + 40 ? i - 40 : a;
	int cued = 0;
	for (size_t k = lo; k < i && !cued; k++) {
		/* "question", "questions", "line", "next", "comes",
		 * "hear" at any byte, by the first letter */
		switch (ex_lower((unsigned char)s[k])) {
		case 'q':
			cued = ex_word_at(s, b, k, "question") || ex_word_at(s, b, k, "questions");
			break;
		case 'l':
			cued = ex_word_at(s, b, k, "line") != 0;
			break;
		case 'n':
			cued = ex_word_at(s, b, k, "next") != 0;
			break;
		case 'c':
			cued = ex_word_at(s, b, k, "comes") != 0;
			break;
		case 'h':
			cued = ex_word_at(s, b, k, "hear") != 0;
			break;
		default:
			break;
		}
	}
	if (!cued)
		return;
	size_t ns = e + 1, ne = ns;
	/* "the line of Amit Daryanani with Evercore": up to the first
	 * word that is not capitalised (or a particle), at most 4 */
	int words = 0;
	while (ne < b && words < 4) {
		unsigned char c = (unsigned char)s[ne];
		if (!((c >= 'A' && c <= 'Z') || c >= 0xc0))
			break;
		size_t we = ne;
		while (we < b && s[we] != ' ' && s[we] != ',' && s[we] != '.' && s[we] != '?')
			we++;
		/* "Mr." and initials "J." keep their dot */
		if (we < b && s[we] == '.' && we - ne <= 2)
			we++;
		words++;
		ne = we;
		if (ne + 1 < b && s[ne] == ' ' && ((unsigned char)s[ne + 1] >= 'A' && (unsigned char)s[ne + 1] <= 'Z'))
			ne++;
		else
			break;
	}
	if (words >= 2 && person_name(s, ns, ne) >= 2)
		add(p, s + ns, ne - ns, EX_ROLE_ANALYST);
}

static void intros(people *p, const char *s, size_t a, size_t b)
{
	/* not "turn it over to NAME": the operator hands the call to the
	 * company's speakers that way */
	size_t i = a;
#if SPEAKERS_SSE2
	/* 16 bytes at a time: intro_at() only at the bytes it reads a cue
	 * at, word starts (no word byte before, or a) with 'f', 'o', 'i' or
	 * 'h' in either case (c | 0x20 is one of these only for them) */
	const __m128i b20 = _mm_set1_epi8(0x20), l0 = _mm_set1_epi8(0x60), l1 = _mm_set1_epi8(0x7b),
	              d0 = _mm_set1_epi8(0x2f), d1 = _mm_set1_epi8(0x3a);
	const __m128i cf = _mm_set1_epi8('f'), co = _mm_set1_epi8('o'), ci = _mm_set1_epi8('i'),
	              ch = _mm_set1_epi8('h');
	unsigned prev = 0; /* s[i - 1] is a word byte */
	for (; i + 16 <= b; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i l = _mm_or_si128(v, b20);
		/* letters and digits (bytes from 0x80 on are negative: none) */
		__m128i word = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(l, l0), _mm_cmplt_epi8(l, l1)),
		                            _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d1)));
		__m128i cue = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(l, cf), _mm_cmpeq_epi8(l, co)),
		                           _mm_or_si128(_mm_cmpeq_epi8(l, ci), _mm_cmpeq_epi8(l, ch)));
		unsigned w = (unsigned)_mm_movemask_epi8(word);
		unsigned m = (unsigned)_mm_movemask_epi8(cue) & ~(w << 1 | prev);
		prev = w >> 15;
		for (; m; m &= m - 1)
			intro_at(p, s, a, b, i + (unsigned)__builtin_ctz(m));
	}
#endif
	for (; i < b; i++)
		intro_at(p, s, a, b, i);
}

/* The operator hands over to a questioner: "question", "line of". */
static int asks(const char *s, size_t a, size_t b)
{
	/* ci_has_word() of "question", "questions" and "line" in one pass:
	 * the word starts that open with 'q' or 'l' */
	const char *t = s + a;
	size_t n = b - a;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = ex_lower((unsigned char)t[i]);
		if ((c != 'q' && c != 'l') || (i > 0 && ex_is_word((unsigned char)t[i - 1])))
			continue;
		if (ex_word_at(t, n, i, "question") || ex_word_at(t, n, i, "questions") ||
		    ex_word_at(t, n, i, "line"))
			return 1;
	}
	return 0;
}

/* A text line that opens with "Name: " where Name is a person (not a
 * label such as "Revenue:"); the offset of the colon, 0 when none. */
static size_t name_colon(const char *s, size_t a, size_t b)
{
	size_t span = b - a < 60 ? b - a : 60;
	const char *cp = memchr(s + a, ':', span);
	if (!cp)
		return 0;
	size_t c = (size_t)(cp - s);
	if (c + 1 >= b || s[c + 1] != ' ')
		return 0;
	return c;
}

/* Line k after bare(): from pass 1 of ex_doc_speakers, which bared every
 * line that was not blank then (pass 2 asks only for such lines: it
 * makes no line blank, and a line's class changes only once pass 2 has
 * read it). */
static inline void bare_line(const ex_doc *d, const size_t *bared, size_t k, size_t *a, size_t *b)
{
	if (bared) {
		*a = bared[2 * k];
		*b = bared[2 * k + 1];
		return;
	}
	*a = d->lines[k].start;
	*b = d->lines[k].end;
	bare(d->clean, a, b);
}

void ex_doc_speakers(ex_doc *d)
{
	const char *s = d->clean;
	size_t n = d->n_lines;
	/* per-thread scratch (9 KB): no allocation per document */
	static _Thread_local people tl;
	people *p = &tl;
	p->n = 0;
	p->lens = 0;
	int has_operator = 0, inline_op = 0, dash_speakers = 0;
	/* pass 1: the roster, the operator, the operator's introductions */
	int mode = -1, op_turn = 0, op_text = 0;
	unsigned char *roster = NULL; /* 1 an entry, 2 a roster heading */
	/* every line's bounds after bare(), from pass 1 for pass 2 (NULL
	 * when out of memory: pass 2 computes them again) */
	size_t *bared = malloc(2 * n * sizeof *bared + 1);
	for (size_t k = 0; k < n; k++) {
		ex_line *L = &d->lines[k];
		if (L->cls == EX_L_BLANK) {
			/* an operator's turn is one paragraph */
			if (op_text)
				op_turn = op_text = 0;
			continue;
		}
		size_t a = L->start, b = L->end;
		size_t ba = a, bb = b;
		bare(s, &ba, &bb);
		if (bared) {
			bared[2 * k] = ba;
			bared[2 * k + 1] = bb;
		}
		int h = L->cls == EX_L_TEXT || L->cls == EX_L_HEADING || L->cls == EX_L_SPEAKER ||
		                L->cls == EX_L_SECTION
		            ? roster_heading(s + ba, bb - ba)
		            : -1;
		if (h >= 0) {
			mode = h;
			if (!roster) {
				roster = calloc(n, 1);
				if (!roster) {
					free(bared);
					return; /* the roles classify() found stay */
				}
			}
			roster[k] = 2;
			continue;
		}
		if (is_operator(s + ba, bb - ba)) {
			has_operator = 1;
			mode = -1;
			op_turn = 1;
			op_text = 0;
			continue;
		}
		/* bare() left a line it did not start later than a opening
		 * with no blank, so inline_operator() wants an 'o' at a */
		int no_op = ba == a && ba < bb && ex_lower((unsigned char)s[a]) != 'o';
		if (!no_op && inline_operator(s, a, b)) {
			has_operator = inline_op = 1;
			mode = -1;
			intros(p, s, a, b);
			op_turn = 0;
			continue;
		}
		if (mode >= 0) {
			size_t ra = ba, rb = bb;
			size_t sep = separator(s, ra, rb);
			/* a sentence ends the roster; "Acme Corp." does not */
			int ends = rb > ra && (s[rb - 1] == '?' || (s[rb - 1] == '.' && words_in(s, ra, rb) > 10));
			if (rb - ra <= 140 && !ends && person_name(s, ra, sep) >= 2) {
				/* the entry's own title first ("Analyst", "CFO"), then
				 * the side the heading gives */
				int role = mode == 1 ? EX_ROLE_ANALYST : EX_ROLE_COMPANY;
				if (ci_has_word(s + sep, rb - sep, "analyst"))
					role = EX_ROLE_ANALYST;
				else if (title_like(s, sep, rb))
					role = EX_ROLE_COMPANY;
				add(p, s + ra, sep - ra, role);
				ex_doc_add_known(d, s + ra, sep - ra);
				roster[k] = 1;
				continue;
			}
			if (rb - ra <= 140 && !ends && (title_like(s, ra, rb) || sep < rb)) {
				/* the firm or title line of the entry before */
				roster[k] = 1;
				continue;
			}
			mode = -1;
		}
		if (L->cls == EX_L_SPEAKER) {
			op_turn = L->role == EX_ROLE_OPERATOR;
			op_text = 0;
			if (!op_turn)
				dash_speakers++;
			continue;
		}
		if (L->turn) {
			op_turn = 0;
			dash_speakers++;
		}
		if (op_turn) {
			intros(p, s, a, b);
			op_text = 1;
		}
	}
	/* pass 2: every line's role and Q&A flag */
	int role = EX_ROLE_COMPANY, qa = 0, speakers = 0, prev_op = 0, op_named = 0;
	int bare_names = has_operator && dash_speakers == 0;
	/* the work of pass 2: every line and its bytes (added once, after) */
	size_t work = n;
	for (size_t k = 0; k < n; k++) {
		ex_line *L = &d->lines[k];
		size_t a = L->start, b = L->end;
		work += b - a;
		if (roster && roster[k]) {
			/* the roster: no one speaks there */
			L->cls = EX_L_SECTION;
			L->role = role = EX_ROLE_COMPANY;
			L->qa = qa;
			L->turn = 0;
			continue;
		}
		if (L->cls == EX_L_BLANK) {
			L->role = role;
			L->qa = qa;
			continue;
		}
		if (L->cls == EX_L_SECTION) {
			/* classify() set qa at a section marker: 1 for Q&A */
			qa = L->qa;
			role = EX_ROLE_COMPANY;
			L->role = role;
			prev_op = 0;
			continue;
		}
		int who = -1;          /* a new speaker's role */
		ex_line *title = NULL; /* the title line below a name */
		if (L->cls == EX_L_SPEAKER || L->turn) {
			who = L->role;
			size_t na, nb;
			bare_line(d, bared, k, &na, &nb);
			size_t sep = separator(s, na, nb);
			if (L->turn) {
				size_t c = name_colon(s, na, nb);
				if (c && c < sep)
					sep = c;
			}
			/* "Name - Firm" says no side: the roster does; a title
			 * ("Analyst", "CFO") does */
			int i = find(p, s + na, sep - na);
			if (who != EX_ROLE_OPERATOR && i >= 0 && !title_like(s, sep, nb))
				who = p->v[i].role;
		} else if (L->cls == EX_L_TEXT || L->cls == EX_L_HEADING) {
			size_t na, nb;
			bare_line(d, bared, k, &na, &nb);
			int i = -1;
			if (is_operator(s + na, nb - na)) {
				who = EX_ROLE_OPERATOR;
			} else if (nb > na && (i = find(p, s + na, nb - na)) >= 0) {
				who = p->v[i].role;
			} else if (bare_names && k > 0 && d->lines[k - 1].cls == EX_L_BLANK && nb - na <= 48 &&
			           person_name(s, na, nb) >= 2) {
				who = qa && prev_op && op_named ? EX_ROLE_ANALYST : EX_ROLE_COMPANY;
				add(p, s + na, nb - na, who);
			} else {
				/* "Name, Title" on a line of its own.  A separator
				 * comes before NAME_MAX_LEN or not at all, and
				 * title_like() takes at most 140 bytes after it: a
				 * longer line has no name and title; nor has a line
				 * whose first byte cannot open a name (person_name():
				 * most are the wrapped lines of a paragraph) */
				unsigned char c0 = (unsigned char)s[na];
				size_t sep = (bare_names || has_operator) && nb - na <= NAME_MAX_LEN + 140 &&
				                     ((c0 >= 'A' && c0 <= 'Z') || c0 >= 0xc0)
				                 ? name_separator(s, na, nb)
				                 : nb;
				if (sep < nb && person_name(s, na, sep) >= 2 && title_like(s, sep, nb)) {
					i = find(p, s + na, sep - na);
					who = i >= 0 ? p->v[i].role
					             : ci_has_word(s + sep, nb - sep, "analyst") ? EX_ROLE_ANALYST
					                                                        : EX_ROLE_COMPANY;
				}
			}
			if (who >= 0) {
				L->cls = EX_L_SPEAKER;
				/* a title line right below the name ("Chief Financial
				 * Officer, Acme" / "Analyst, Big Bank") */
				if (k + 1 < n && d->lines[k + 1].cls != EX_L_BLANK) {
					ex_line *T = &d->lines[k + 1];
					size_t ta, tb;
					bare_line(d, bared, k + 1, &ta, &tb);
					if (tb > ta && words_in(s, ta, tb) <= 12 && title_like(s, ta, tb)) {
						title = T;
						if (i < 0 && who != EX_ROLE_OPERATOR && ci_has_word(s + ta, tb - ta, "analyst"))
							who = EX_ROLE_ANALYST;
					}
				}
			} else {
				/* a short turn ("Ann Lee: Is 66% sustainable?") may
				 * have been taken for a heading */
				size_t c = name_colon(s, na, nb);
				if (c && !ex_collapsed_turns(s, c + 1, nb)) {
					size_t ce = c;
					trim(s, &na, &ce);
					if (ex_word_at(s, c, na, "operator") == c) {
						who = EX_ROLE_OPERATOR;
					} else if ((i = find(p, s + na, ce - na)) >= 0) {
						who = p->v[i].role;
					} else if (inline_op && person_name(s, na, ce) >= 2) {
						who = qa && prev_op && op_named ? EX_ROLE_ANALYST : EX_ROLE_COMPANY;
						add(p, s + na, ce - na, who);
					}
					if (who >= 0) {
						L->turn = 1;
						L->cls = EX_L_TEXT;
					}
				}
			}
		}
		if (who >= 0) {
			role = who;
			speakers++;
			if (role == EX_ROLE_ANALYST)
				qa = 1;
			prev_op = role == EX_ROLE_OPERATOR;
			op_named = 0;
			if (prev_op && L->turn)
				op_named = asks(s, a, b);
		} else if (prev_op && role == EX_ROLE_OPERATOR && asks(s, a, b)) {
			op_named = 1;
		}
		L->role = role;
		L->qa = qa;
		if (title) {
			title->cls = EX_L_SPEAKER;
			title->role = role;
			title->qa = qa;
			title->turn = 0;
			k++;
		}
	}
	d->work += work;
	free(roster);
	free(bared);
	if (speakers >= 2)
		d->kind = EC_DOC_TRANSCRIPT;
}
