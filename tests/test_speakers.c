/* Speakers of call transcripts in the formats of the transcript vendors
 * (speakers.c): a participants roster, a name on a line of its own with or
 * without a title line below it, "Name: remarks" after an "Operator:"
 * turn, the analysts the operator names.  Each case checks the role of the
 * lines (company, analyst, operator) and what extraction keeps: company
 * figures as company rows, an analyst's number marked as the analyst's,
 * nothing from the operator.  And the negative side: a release whose
 * headings and label lines look like names gets no speaker. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/extract.h"
#include "ex.h"
#include "testlib.h"

/* The role in force on the first line holding needle, -1 when none. */
static int role_of(const ex_doc *d, const char *needle, int *qa)
{
	for (size_t k = 0; k < d->n_lines; k++) {
		const ex_line *L = &d->lines[k];
		size_t n = L->end - L->start, m = strlen(needle);
		for (size_t i = 0; i + m <= n; i++)
			if (memcmp(d->clean + L->start + i, needle, m) == 0) {
				if (qa)
					*qa = L->qa;
				return L->role;
			}
	}
	return -1;
}

static int prepare(ex_doc *d, const char *text)
{
	ec_extract_opts o;
	ec_extract_opts_defaults(&o);
	ec_error e;
	if (ex_doc_prepare(d, text, strlen(text), "t.txt", &o, &e) != EC_OK)
		return 0;
	ex_doc_speakers(d);
	return 1;
}

/* The row of metric with value v (within 1e-9), or NULL. */
static const ec_obs *row(const ec_series *s, const char *metric, double v)
{
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		if (strcmp(o->metric, metric) == 0 && fabs(o->value - v) < 1e-9)
			return o;
	}
	return NULL;
}

static ec_series *extract(const char *text, ec_extract_info *info)
{
	ec_series *s = ec_series_new();
	ec_error e;
	if (!s || ec_extract_mem(text, strlen(text), "t.txt", NULL, s, info, &e) != EC_OK) {
		ec_series_free(s);
		return NULL;
	}
	return s;
}

static const char *role_name(const ec_obs *o)
{
	return o && o->source_role ? o->source_role : "(no row)";
}

/* Seeking Alpha style: rosters, "Operator", names on lines of their own. */
static const char roster_doc[] =
    "Acme Networks, Inc. (NASDAQ:ACNW) Q1 2024 Earnings Conference Call November 15, 2023\n"
    "\n"
    "Company Participants\n"
    "\n"
    "Dana Cole - Head of Investor Relations\n"
    "Scott Herren - Chief Financial Officer\n"
    "\n"
    "Conference Call Participants\n"
    "\n"
    "Amit Daryanani - Evercore ISI\n"
    "\n"
    "Operator\n"
    "\n"
    "Welcome to the first quarter fiscal 2024 results conference call.\n"
    "\n"
    "Scott Herren\n"
    "\n"
    "Thanks. Total revenue was $14.7 billion, up 8% year-over-year.\n"
    "\n"
    "Question-and-Answer Session\n"
    "\n"
    "Operator\n"
    "\n"
    "Our first question comes from Amit Daryanani with Evercore ISI.\n"
    "\n"
    "Amit Daryanani\n"
    "\n"
    "So gross margin of 66% this quarter, is that sustainable?\n"
    "\n"
    "Scott Herren\n"
    "\n"
    "Yes. Our operating margin was 36.1%.\n";

static void roster(void)
{
	ex_doc d;
	CHECK(prepare(&d, roster_doc), "roster: the document prepares");
	int qa = -1;
	CHECK(role_of(&d, "Welcome to the first", NULL) == EX_ROLE_OPERATOR,
	      "roster: the operator's welcome is the operator's");
	CHECK(role_of(&d, "Total revenue", &qa) == EX_ROLE_COMPANY && qa == 0,
	      "roster: the CFO named on a line of his own speaks for the company, before Q&A");
	CHECK(role_of(&d, "So gross margin", &qa) == EX_ROLE_ANALYST && qa == 1,
	      "roster: the analyst of the roster asks in Q&A");
	CHECK(role_of(&d, "Our operating margin", NULL) == EX_ROLE_COMPANY,
	      "roster: the CFO answers for the company");
	CHECK(d.kind == EC_DOC_TRANSCRIPT, "roster: the document is a transcript");
	ex_doc_free(&d);

	ec_extract_info info;
	ec_series *s = extract(roster_doc, &info);
	CHECK(s != NULL, "roster: extracts");
	if (!s)
		return;
	const ec_obs *r = row(s, "revenue", 14700);
	CHECK(r && strcmp(role_name(r), EC_ROLE_COMPANY) == 0,
	      "roster: revenue 14700 is a company row (got %s)", role_name(r));
	r = row(s, "gross_margin", 66);
	CHECK(r && strcmp(role_name(r), EC_ROLE_ANALYST) == 0,
	      "roster: the analyst's 66%% gross margin is marked analyst (got %s)", role_name(r));
	r = row(s, "operating_margin", 36.1);
	CHECK(r && strcmp(role_name(r), EC_ROLE_COMPANY) == 0,
	      "roster: the answer's 36.1%% operating margin is a company row (got %s)", role_name(r));
	ec_series_free(s);
}

/* FactSet style: upper-case roster headings, a name line then its title
 * line, "Operator:" turns. */
static const char factset_doc[] =
    "Acme Corp. (ACME) Q2 2024 Earnings Call\n"
    "\n"
    "CORPORATE PARTICIPANTS\n"
    "Jane Miller\n"
    "Chief Executive Officer, Acme Corp.\n"
    "Tom Reed\n"
    "Chief Financial Officer, Acme Corp.\n"
    "\n"
    "OTHER PARTICIPANTS\n"
    "Sara Kim\n"
    "Analyst, Goldman Sachs & Co. LLC\n"
    "\n"
    "MANAGEMENT DISCUSSION SECTION\n"
    "\n"
    "Operator: Good afternoon and welcome to Acme's second quarter 2024 earnings call.\n"
    "\n"
    "Tom Reed\n"
    "Chief Financial Officer, Acme Corp.\n"
    "Thanks, Jane. Revenue for the second quarter was $812 million, up 9% year over year.\n"
    "\n"
    "QUESTION AND ANSWER SECTION\n"
    "\n"
    "Operator: Our first question comes from Sara Kim with Goldman Sachs.\n"
    "\n"
    "Sara Kim\n"
    "Analyst, Goldman Sachs & Co. LLC\n"
    "Thanks. So gross margin of 61% is the new run rate?\n"
    "\n"
    "Tom Reed\n"
    "Chief Financial Officer, Acme Corp.\n"
    "Operating margin was 14.2%, yes.\n";

static void factset(void)
{
	ex_doc d;
	CHECK(prepare(&d, factset_doc), "factset: the document prepares");
	CHECK(role_of(&d, "Revenue for the second", NULL) == EX_ROLE_COMPANY,
	      "factset: name + title line, then the CFO's remarks: company");
	CHECK(role_of(&d, "So gross margin", NULL) == EX_ROLE_ANALYST,
	      "factset: the analyst's question (name + 'Analyst, Firm' line): analyst");
	CHECK(role_of(&d, "Operating margin was", NULL) == EX_ROLE_COMPANY,
	      "factset: the CFO's answer: company");
	CHECK(role_of(&d, "Good afternoon", NULL) == EX_ROLE_OPERATOR,
	      "factset: 'Operator: ...' is the operator's turn");
	ex_doc_free(&d);
	ec_series *s = extract(factset_doc, NULL);
	CHECK(s != NULL, "factset: extracts");
	if (!s)
		return;
	const ec_obs *r = row(s, "revenue", 812);
	CHECK(r && strcmp(role_name(r), EC_ROLE_COMPANY) == 0,
	      "factset: revenue 812 is a company row (got %s)", role_name(r));
	r = row(s, "gross_margin", 61);
	CHECK(r && strcmp(role_name(r), EC_ROLE_ANALYST) == 0,
	      "factset: the analyst's 61%% is marked analyst (got %s)", role_name(r));
	ec_series_free(s);
}

/* "Name: remarks" after "Operator:" turns, no roster: the operator's
 * introduction makes the next new name an analyst. */
static const char inline_doc[] =
    "Cisco Q1 2024 Earnings Call, November 15, 2023\n"
    "\n"
    "Operator: Welcome to the First Quarter Fiscal Year 2024 Conference Call.\n"
    "\n"
    "Scott Herren: Thanks, Chuck. Total revenue was $14.7 billion, up 8% year-over-year.\n"
    "\n"
    "Operator: Our first question comes from Meta Marshall with Morgan Stanley.\n"
    "\n"
    "Meta Marshall: Thanks. Is a 66% gross margin sustainable?\n"
    "\n"
    "Scott Herren: Our non-GAAP operating margin was 36.1%.\n";

static void inline_turns(void)
{
	ex_doc d;
	CHECK(prepare(&d, inline_doc), "inline: the document prepares");
	CHECK(role_of(&d, "Welcome to the First", NULL) == EX_ROLE_OPERATOR,
	      "inline: the operator's turn is the operator's");
	CHECK(role_of(&d, "Total revenue", NULL) == EX_ROLE_COMPANY,
	      "inline: 'Scott Herren: ...' after the operator speaks for the company");
	CHECK(role_of(&d, "Is a 66%", NULL) == EX_ROLE_ANALYST,
	      "inline: the name the operator introduced asks as an analyst");
	CHECK(role_of(&d, "non-GAAP operating", NULL) == EX_ROLE_COMPANY,
	      "inline: the known company speaker answers for the company");
	ex_doc_free(&d);
	ec_series *s = extract(inline_doc, NULL);
	CHECK(s != NULL, "inline: extracts");
	if (!s)
		return;
	const ec_obs *r = row(s, "revenue", 14700);
	CHECK(r && strcmp(role_name(r), EC_ROLE_COMPANY) == 0,
	      "inline: revenue 14700 is kept as the company's (got %s)", role_name(r));
	r = row(s, "operating_margin", 36.1);
	CHECK(r != NULL && r->basis == EC_BASIS_NON_GAAP,
	      "inline: the non-GAAP operating margin 36.1 is kept");
	ec_series_free(s);
}

/* A release: headings ("Business Highlights"), a "Name, Title, said"
 * quote, label lines "Revenue: $5.2 million": no speakers, no roles. */
static const char release_doc[] =
    "Acme Reports Third Quarter 2024 Results\n"
    "\n"
    "SAN JOSE, Calif., Oct. 24, 2024 -- Acme Corp. (NYSE: ACME) today reported results for "
    "its third quarter ended September 30, 2024.\n"
    "\n"
    "Business Highlights\n"
    "\n"
    "Revenue: $512.4 million, up 7% year over year.\n"
    "\n"
    "Jane Miller\n"
    "\n"
    "\"We had a strong quarter,\" said Jane Miller, Chief Executive Officer.\n"
    "\n"
    "Management\n"
    "\n"
    "Operating income was $61.2 million.\n";

static void release(void)
{
	ex_doc d;
	CHECK(prepare(&d, release_doc), "release: the document prepares");
	CHECK(d.kind == EC_DOC_RELEASE, "release: stays a release");
	CHECK(role_of(&d, "Revenue: $512.4", NULL) == EX_ROLE_COMPANY,
	      "release: a label line is not a speaker turn");
	CHECK(role_of(&d, "Operating income was", NULL) == EX_ROLE_COMPANY,
	      "release: a 'Management' heading does not take the text after it");
	int turns = 0;
	for (size_t k = 0; k < d.n_lines; k++)
		turns += d.lines[k].turn;
	CHECK(turns == 0, "release: no line opens a speaker turn (got %d)", turns);
	ex_doc_free(&d);
	ec_series *s = extract(release_doc, NULL);
	CHECK(s && row(s, "revenue", 512.4) && row(s, "operating_income", 61.2),
	      "release: revenue 512.4 and operating income 61.2 are extracted");
	ec_series_free(s);
}

/* A "Name -- Title" transcript (classify() alone) keeps its roles; a
 * closing "Call Participants" list does not move the CFO to the analysts. */
static const char dash_doc[] =
    "Halvorsen (HLVM) Q2 2024 Earnings Call Transcript\n"
    "\n"
    "Operator\n"
    "\n"
    "Welcome to the second quarter 2024 earnings call.\n"
    "\n"
    "Priya Ramaswamy -- Chief Financial Officer\n"
    "\n"
    "Second quarter revenue was $2.38 billion, up 8%.\n"
    "\n"
    "Questions & Answers:\n"
    "\n"
    "Jonah Feld -- Barclays -- Analyst\n"
    "\n"
    "Is 62% gross margin the right bar?\n"
    "\n"
    "Priya Ramaswamy -- Chief Financial Officer\n"
    "\n"
    "Adjusted gross margin was 61.8%.\n"
    "\n"
    "Call participants:\n"
    "\n"
    "Priya Ramaswamy -- Chief Financial Officer\n"
    "\n"
    "Jonah Feld -- Barclays -- Analyst\n";

static void dash(void)
{
	ex_doc d;
	CHECK(prepare(&d, dash_doc), "dash: the document prepares");
	CHECK(role_of(&d, "Second quarter revenue", NULL) == EX_ROLE_COMPANY,
	      "dash: the CFO's remarks are the company's");
	CHECK(role_of(&d, "Is 62%", NULL) == EX_ROLE_ANALYST, "dash: the analyst asks");
	CHECK(role_of(&d, "Adjusted gross margin", NULL) == EX_ROLE_COMPANY,
	      "dash: the CFO's answer is the company's despite the closing participants list");
	ex_doc_free(&d);
}

/* Pad of n bytes: up to most capitalised words that are no title and no
 * cue ("Zzz "), each followed by a blank. */
static void pad_words(char *out, size_t n, size_t most)
{
	size_t words = n / 2 < most ? n / 2 : most, k = 0;
	for (size_t w = 0; w < words; w++) {
		/* the letters left, shared among the words left */
		size_t len = (n - k) / (words - w) - 1;
		for (size_t j = 0; j < len; j++)
			out[k++] = j ? 'z' : 'Z';
		out[k++] = ' ';
	}
	out[k] = 0;
}

/* The class of the first line holding needle, -1 when none. */
static int cls_of(const ex_doc *d, const char *needle)
{
	for (size_t k = 0; k < d->n_lines; k++) {
		const ex_line *L = &d->lines[k];
		size_t n = L->end - L->start, m = strlen(needle);
		for (size_t i = 0; i + m <= n; i++)
			if (memcmp(d->clean + L->start + i, needle, m) == 0)
				return L->cls;
	}
	return -1;
}

/* The cue of an operator's introduction, a title line and the separator
 * of a speaker line are found 16 bytes at a time (SSE2) and the rest of
 * a line byte by byte: the same at every offset in the line. */
static void offsets(void)
{
	int bad = 0;
	for (size_t n = 0; n <= 48 && bad < 5; n++) {
		char pad[64], name_pad[64], doc[2048];
		pad_words(pad, n, 6);
		pad_words(name_pad, n, 2);
		/* the operator names the analyst after n bytes, the name at the
		 * line's end or not */
		for (int firm = 0; firm < 2; firm++) {
			for (int cue = 0; cue < 2; cue++) {
				snprintf(doc, sizeof doc,
				         "Cisco Q1 2024 Earnings Call, November 15, 2023\n"
				         "\n"
				         "Operator: Welcome to the First Quarter Fiscal Year 2024 Conference Call.\n"
				         "\n"
				         "Scott Herren: Thanks, Chuck. Total revenue was $14.7 billion.\n"
				         "\n"
				         "Operator: %sOur first %s Meta Marshall%s.\n"
				         "\n"
				         "Meta Marshall: Thanks. Is a 66%% gross margin sustainable?\n",
				         pad, cue ? "question comes from" : "remarks are by",
				         firm ? " with Morgan Stanley" : "");
				ex_doc d;
				int want = cue ? EX_ROLE_ANALYST : EX_ROLE_COMPANY;
				if (!prepare(&d, doc) || role_of(&d, "Is a 66%", NULL) != want) {
					bad++;
					CHECK(0, "offsets: an introduction after %zu bytes (%s, %s) gives %s", n,
					      cue ? "cue" : "no cue", firm ? "firm" : "no firm",
					      cue ? "an analyst" : "no analyst");
				}
				ex_doc_free(&d);
			}
		}
		/* a title line below a speaker's name, its title word after n
		 * bytes; with a digit it is no title */
		for (int digit = 0; digit < 2; digit++) {
			snprintf(doc, sizeof doc,
			         "Acme Corp. (ACME) Q2 2024 Earnings Call\n"
			         "\n"
			         "CORPORATE PARTICIPANTS\n"
			         "Tom Reed\n"
			         "Chief Financial Officer, Acme Corp.\n"
			         "\n"
			         "MANAGEMENT DISCUSSION SECTION\n"
			         "\n"
			         "Operator: Good afternoon and welcome to the call.\n"
			         "\n"
			         "Tom Reed\n"
			         "%sChief Financial Officer, Acme Corporation%s\n"
			         "Thanks, Jane. Revenue for the second quarter was $812 million.\n",
			         pad, digit ? " Unit 7" : "");
			ex_doc d;
			int want = digit ? EX_L_TEXT : EX_L_SPEAKER;
			if (!prepare(&d, doc) || cls_of(&d, "Acme Corporation") != want ||
			    role_of(&d, "Revenue for the second", NULL) != EX_ROLE_COMPANY) {
				bad++;
				CHECK(0, "offsets: a title line with its title after %zu bytes%s", n,
				      digit ? " and a digit is no title" : " is a title");
			}
			ex_doc_free(&d);
		}
		/* a speaker line "Name - Firm" whose separator comes after n
		 * more bytes of the name (four words at most): the roster's
		 * side holds */
		snprintf(doc, sizeof doc,
		         "Acme Networks Q1 2024 Earnings Conference Call\n"
		         "\n"
		         "Conference Call Participants\n"
		         "\n"
		         "Amit %sDaryanani - Evercore ISI\n"
		         "\n"
		         "Operator\n"
		         "\n"
		         "Welcome to the conference call.\n"
		         "\n"
		         "Amit %sDaryanani - Evercore ISI\n"
		         "\n"
		         "So gross margin of 66%% this quarter, is that sustainable?\n",
		         name_pad, name_pad);
		ex_doc d;
		if (!prepare(&d, doc) || role_of(&d, "So gross margin", NULL) != EX_ROLE_ANALYST) {
			bad++;
			CHECK(0, "offsets: a speaker line with its separator after %zu more bytes", n);
		}
		ex_doc_free(&d);
	}
	CHECK(bad == 0, "offsets: cues, titles and separators at every offset in the line");
}

int main(void)
{
	roster();
	factset();
	inline_turns();
	release();
	dash();
	offsets();
	return ec_test_done();
}
