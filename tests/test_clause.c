/* Statements of unpunctuated speech (clause.c): where a new statement
 * starts in a speech-to-text transcript without full stops, and what an
 * extraction of such a call gives. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/extract.h"
#include "ex.h"
#include "lex.h"
#include "testlib.h"

/* A document over text, prepared as extract.c does before the rules. */
static int prepare(ex_doc *d, const char *text)
{
	ec_extract_opts o;
	ec_extract_opts_defaults(&o);
	ec_error e;
	if (ex_doc_prepare(d, text, strlen(text), "t.txt", &o, &e) != EC_OK)
		return 0;
	if (ex_doc_spoken(d) != EC_OK) {
		ex_doc_free(d);
		return 0;
	}
	ex_doc_speakers(d);
	ex_doc_identify(d, &o);
	return 1;
}

/* The statements of the whole clean text, as "first words|" pieces: each
 * statement's first three words, '+' before it when it goes on with the
 * forecast of the one before. */
static void statements(const char *text, char *out, size_t cap)
{
	ex_doc d;
	out[0] = 0;
	if (!prepare(&d, text))
		return;
	ex_lexidx ix;
	ex_lex_index(&ix);
	size_t a = 0, b = d.clean_len, n = 0;
	int inherit = 0;
	while (b > 0 && (d.clean[b - 1] == '\n' || d.clean[b - 1] == ' '))
		b--;
	while (a < b && n + 64 < cap) {
		int next_inherit;
		size_t e = ex_clause_next(&d, &ix, a, b, &next_inherit);
		size_t w = 0, i = a;
		while (i < e && d.clean[i] == ' ')
			i++;
		if (a > 0)
			out[n++] = inherit ? '+' : '|';
		for (; i < e && n + 2 < cap; i++) {
			if (d.clean[i] == ' ' && ++w == 3)
				break;
			out[n++] = d.clean[i];
		}
		out[n] = 0;
		inherit = next_inherit;
		a = e;
	}
	ex_doc_free(&d);
}

/* got has a statement starting with words, cut with mark ('|' a new
 * statement, '+' one that may go on with the forecast before it). */
static int cut_at(const char *got, const char *words, char mark)
{
	char want[64];
	snprintf(want, sizeof want, "%c%s", mark, words);
	return strstr(got, want) != NULL;
}

static ec_series *extract(const char *text)
{
	ec_series *s = ec_series_new();
	ec_error e;
	if (!s || ec_extract_mem(text, strlen(text), "asr.txt", NULL, s, NULL, &e) != EC_OK) {
		ec_series_free(s);
		return NULL;
	}
	return s;
}

static const ec_obs *row(const ec_series *s, const char *per, const char *metric,
                         ec_basis basis, ec_kind kind)
{
	for (size_t i = 0; s && i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		char buf[EC_PERIOD_STRLEN];
		ec_period_format(o->period, buf);
		if (!strcmp(buf, per) && !strcmp(o->metric, metric) && !strcmp(o->segment, "total") &&
		    o->basis == basis && o->kind == kind)
			return o;
	}
	return NULL;
}

static size_t rows_of(const ec_series *s, const char *metric)
{
	size_t n = 0;
	for (size_t i = 0; s && i < ec_series_count(s); i++)
		n += !strcmp(ec_series_get(s, i)->metric, metric);
	return n;
}

/* An unpunctuated call: a long stretch with no sentence end. */
static const char call[] =
    "hello and welcome to the northwind systems second quarter twenty twenty five earnings call "
    "all lines are muted i will now hand over to maria lopez chief financial officer thank you "
    "operator so total revenue for the quarter was eight hundred and twelve million dollars up "
    "nine percent from seven hundred and forty five million dollars in the second quarter of last "
    "year gap gross margin was forty four point five percent and non gap gross margin was forty "
    "seven percent non gap operating margin was eighteen point two percent gap net income was "
    "fifty one million dollars or forty two cents per diluted share operating cash flow was "
    "ninety six million dollars and capital expenditures were twenty one million dollars now "
    "turning to the outlook for the third quarter we expect revenue between eight hundred and "
    "thirty and eight hundred and fifty million dollars non gap operating margin of about "
    "nineteen percent and non gap earnings per share of fifty five to fifty nine cents for the "
    "full year we now expect revenue of three point three billion dollars with that operator "
    "please open the line for questions thank you our first question comes from tom reed with "
    "harbor research hi so you did like eight hundred million in revenue how should we think "
    "about pricing thank you this concludes today's call\n";

static void unpunctuated(void)
{
	const char *prose = "Revenue was $812 million. Gross margin was 44.5%.";
	CHECK(!ex_unpunctuated(prose, 0, strlen(prose)), "short punctuated prose is not speech");
	CHECK(ex_unpunctuated(call, 0, strlen(call)), "the unpunctuated call is speech");
	char buf[4096];
	snprintf(buf, sizeof buf, "%.300s. %s", call, call + 300);
	CHECK(!ex_unpunctuated(buf, 0, strlen(buf)), "a full stop in the first 400 bytes: prose");
}

static void cuts(void)
{
	char got[4096];
	statements(call, got, sizeof got);
	printf("# statements: %s\n", got);
	/* the hand-overs, the basis words after a figure, new subjects */
	/* the hand-overs, the basis words after a figure, new subjects */
	CHECK(cut_at(got, "thank you operator", '|'), "'thank you' starts a statement");
	CHECK(cut_at(got, "gap gross margin", '+'), "a basis word after a figure");
	CHECK(cut_at(got, "non gap gross", '+'), "'and non gap' after a figure: cut before 'non'");
	CHECK(cut_at(got, "non gap operating", '+'), "a basis word after '47%%'");
	CHECK(cut_at(got, "operating cash flow", '+'), "a metric phrase after 'per diluted share'");
	CHECK(!cut_at(got, "per", '|') && !cut_at(got, "per", '+'),
	      "'cents per diluted share' stays one statement");
	CHECK(cut_at(got, "capital expenditures were", '+'), "'and capital expenditures'");
	CHECK(cut_at(got, "now turning to", '|'), "'now' after a figure");
	CHECK(!cut_at(got, "we expect", '|'), "'we expect' stays with its period");
	CHECK(!cut_at(got, "earnings call", '+'), "a year is no figure: 'twenty twenty five earnings call'");
	CHECK(cut_at(got, "for the full", '|'), "'for the full year we now expect'");
	CHECK(strstr(got, "$850") == NULL, "no cut inside 'between 830 and 850 million'");
	CHECK(cut_at(got, "our first question", '|'), "'our first question'");
	CHECK(!cut_at(got, "in the second", '|'), "a period after a figure stays with it");
}

static void kinds(void)
{
	ex_doc d;
	const char *t = "thank you our first question comes from tom reed with harbor research "
	                "hi so you did like $800 million in revenue\n";
	CHECK(prepare(&d, t), "prepared");
	size_t q = (size_t)(strstr(d.clean, "our first") - d.clean);
	size_t y = (size_t)(strstr(d.clean, "hi so") - d.clean);
	CHECK(ex_clause_kind(&d, q, y) == EX_CLAUSE_QA, "'our first question' opens the questions");
	CHECK(ex_clause_kind(&d, y, d.clean_len) == EX_CLAUSE_ASKER,
	      "'so you did like $800 million' is put to the company");
	CHECK(ex_clause_kind(&d, 0, q) == 0, "'thank you' alone is neither");
	ex_doc_free(&d);
}

static void extraction(void)
{
	ec_series *s = extract(call);
	CHECK(s != NULL, "extracted");
	const ec_obs *o = row(s, "2025Q2", "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 812) < 1e-9, "revenue 2025Q2 812");
	o = row(s, "2024Q2", "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 745) < 1e-9, "revenue 2024Q2 745 (second quarter of last year)");
	o = row(s, "2025Q2", "gross_margin", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 44.5) < 1e-9, "GAAP gross margin 44.5");
	o = row(s, "2025Q2", "gross_margin", EC_BASIS_NON_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 47) < 1e-9, "non-GAAP gross margin 47");
	o = row(s, "2025Q2", "operating_margin", EC_BASIS_NON_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 18.2) < 1e-9, "non-GAAP operating margin 18.2");
	o = row(s, "2025Q2", "eps_diluted", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 0.42) < 1e-9, "GAAP EPS 0.42");
	o = row(s, "2025Q2", "operating_cash_flow", EC_BASIS_NONE, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 96) < 1e-9, "operating cash flow 96");
	o = row(s, "2025Q2", "capex", EC_BASIS_NONE, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 21) < 1e-9, "capex 21");
	o = row(s, "2025Q3", "revenue", EC_BASIS_GAAP, EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 830) < 1e-9 && fabs(o->high - 850) < 1e-9,
	      "revenue guidance 2025Q3 830..850");
	o = row(s, "2025Q3", "operating_margin", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 19) < 1e-9, "operating margin guidance 2025Q3 19 (goes on with 'we expect')");
	o = row(s, "2025Q3", "eps_diluted", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 0.55) < 1e-9 && fabs(o->high - 0.59) < 1e-9,
	      "EPS guidance 2025Q3 0.55..0.59, not the full year after it");
	o = row(s, "2025FY", "revenue", EC_BASIS_GAAP, EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->value - 3300) < 1e-9, "full-year revenue guidance 3300");
	CHECK(rows_of(s, "operating_margin") == 2, "no operating margin row besides the two stated");
	o = row(s, "2025Q2", "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && (!o->source_role || !strcmp(o->source_role, EC_ROLE_COMPANY)) && fabs(o->value - 812) < 1e-9, "the company's revenue wins over the analyst's 800");
	ec_series_free(s);
}

/* Turns on lines of their own, each too short to look unpunctuated alone. */
static void short_turns(void)
{
	const char *t =
	    "northwind systems second quarter twenty twenty five earnings call\n\n"
	    "operator thank you for standing by all lines are muted i will now hand over to maria "
	    "lopez chief financial officer\n\n"
	    "maria lopez thank you operator revenue for the quarter was eight hundred and twelve "
	    "million dollars up nine percent from seven hundred and forty five million dollars in "
	    "the second quarter of last year gap gross margin was forty four point five percent and "
	    "non gap gross margin was forty seven percent\n\n"
	    "for the third quarter we expect revenue between eight hundred and thirty and eight "
	    "hundred and fifty million dollars non gap operating margin of about nineteen percent\n\n"
	    "thank you this concludes today's call\n";
	CHECK(ex_doc_unpunctuated(t, strlen(t)), "a call without full stops is speech as a whole");
	const char *prose = "Revenue was $812 million. Gross margin was 44.5%. Operating margin "
	                    "was 18.2%. We expect revenue of $830 million to $850 million.\n";
	CHECK(!ex_doc_unpunctuated(prose, strlen(prose)), "written prose is not");
	ec_series *s = extract(t);
	const ec_obs *o = row(s, "2025Q2", "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 812) < 1e-9, "'thank you operator revenue': total revenue, no segment");
	o = row(s, "2025Q2", "gross_margin", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 44.5) < 1e-9,
	      "short turn: GAAP gross margin 44.5 in the quarter, not the year-ago period before it");
	o = row(s, "2025Q2", "gross_margin", EC_BASIS_NON_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 47) < 1e-9, "short turn: non-GAAP gross margin 47");
	o = row(s, "2025Q3", "operating_margin", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 19) < 1e-9, "short turn: operating margin guidance 19");
	ec_series_free(s);
}

/* Cuts around years, segments and units. */
static void more_cuts(void)
{
	char got[4096];
	statements("acme first quarter twenty twenty five earnings call good morning everyone "
	           "revenue for the first quarter was 1.372 billion dollars up seven percent compared "
	           "with one point two eight one billion dollars in the first quarter of last year "
	           "wholesale revenue was eight hundred forty five million dollars up three percent gap "
	           "net income was seventy nine million dollars compared to fifty two cents in the "
	           "first quarter of twenty twenty four non gap eps was eighty eight cents compared to "
	           "seventy nine cents last year operating cash flow was two hundred and twelve million "
	           "dollars we ended the quarter with cash and short term investments of 612 million "
	           "dollars inventory was one point one billion dollars\n",
	           got, sizeof got);
	printf("# statements: %s\n", got);
	CHECK(cut_at(got, "wholesale revenue was", '+'), "a segment's words before its metric");
	CHECK(cut_at(got, "non gap eps", '+'), "a year ends a statement before a basis word");
	CHECK(!cut_at(got, "last year operating", '+') && cut_at(got, "operating cash flow", '+'),
	      "'last year' stays with the figure before it");
	CHECK(!cut_at(got, "million dollars inventory", '+') && !cut_at(got, "dollars inventory", '+'),
	      "no cut inside '612 million dollars'");
	CHECK(!cut_at(got, "earnings call", '+'), "'twenty twenty five earnings call' is one");
	ec_series *s = extract("acme first quarter twenty twenty five earnings call good morning "
	                       "everyone revenue for the first quarter was 1.372 billion dollars up "
	                       "seven percent compared with one point two eight one billion dollars in "
	                       "the first quarter of last year wholesale revenue was eight hundred forty "
	                       "five million dollars up three percent and we ended the quarter with cash "
	                       "and short term investments of 612 million dollars\n");
	const ec_obs *o = row(s, "2025Q1", "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 1372) < 1e-9, "revenue 1372 (digits and 'dollars')");
	o = row(s, "2024Q1", "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 1281) < 1e-9, "the first quarter of last year: 1281");
	o = row(s, "2025Q1", "cash_investments", EC_BASIS_NONE, EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 612) < 1e-9, "'cash and short term investments' (no hyphen)");
	size_t n = 0;
	for (size_t i = 0; s && i < ec_series_count(s); i++) {
		const ec_obs *x = ec_series_get(s, i);
		if (!strcmp(x->metric, "revenue") && !strcmp(x->segment, "wholesale")) {
			char buf[EC_PERIOD_STRLEN];
			ec_period_format(x->period, buf);
			n += !strcmp(buf, "2025Q1") && fabs(x->value - 845) < 1e-9;
		}
	}
	CHECK(n == 1, "wholesale revenue 845 in the quarter, not the year-ago one");
	ec_series_free(s);
}

int main(void)
{
	unpunctuated();
	cuts();
	kinds();
	extraction();
	short_turns();
	more_cuts();
	return ec_test_done();
}
