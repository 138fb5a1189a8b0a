/* One row per key within a document: the mentions of a key are grouped
 * by agreement (the unit's tolerance); the group stated by the company in
 * the release or prepared remarks wins over answers in the Q&A, which win
 * over an analyst's restatement; then the larger group, then the earlier.
 * The row takes the most precise value of the winning group, and one
 * mention of every other group is recorded as a conflict.  Never
 * averaged. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ex.h"

ec_err ex_mentions_push(ex_mentions *m, const ex_mention *x)
{
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		ex_mention *v = realloc(m->v, cap * sizeof *v);
		if (!v)
			return EC_ENOMEM;
		m->v = v;
		m->cap = cap;
	}
	m->v[m->n++] = *x;
	return EC_OK;
}

void ex_mentions_free(ex_mentions *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

/* ec_period_cmp, with the common case of the same period (0: cmp orders
 * by the period's fields alone) answered without the call. */
static inline int period_cmp(ec_period a, ec_period b)
{
	if (a.year == b.year && a.type == b.type && a.n == b.n)
		return 0;
	return ec_period_cmp(a, b);
}

/* strcmp, with the same pointer answered at once (metric names are the
 * lexicon's static strings: mentions of a metric share the pointer). */
static inline int str_cmp(const char *a, const char *b)
{
	return a == b ? 0 : strcmp(a, b);
}

static inline int key_cmp(const ex_mention *a, const ex_mention *b)
{
	int c = period_cmp(a->period, b->period);
	if (c)
		return c;
	if ((c = str_cmp(a->metric, b->metric)))
		return c;
	if ((c = strcmp(a->segment, b->segment)))
		return c;
	if (a->basis != b->basis)
		return a->basis < b->basis ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return 0;
}

static inline int by_key(const ex_mention *a, const ex_mention *b)
{
	int c = key_cmp(a, b);
	if (c)
		return c;
	if (a->prio != b->prio)
		return a->prio < b->prio ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Stable merge sort of v[0..n) by by_key (tmp: room for n): the order
 * qsort gave, since by_key ties only mentions equal in every field it
 * reads (orders are unique), and the sort is stable besides.  The
 * comparison inlined instead of a call through qsort's pointer. */
static void sort_by_key(const ex_mention **v, const ex_mention **tmp, size_t n)
{
	if (n <= 12) {
		/* insertion: moves an element only past greater ones */
		for (size_t i = 1; i < n; i++) {
			const ex_mention *x = v[i];
			size_t j = i;
			while (j > 0 && by_key(v[j - 1], x) > 0) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = x;
		}
		return;
	}
	size_t h = n / 2;
	sort_by_key(v, tmp, h);
	sort_by_key(v + h, tmp, n - h);
	if (by_key(v[h - 1], v[h]) <= 0)
		return; /* already in order */
	memcpy(tmp, v, h * sizeof *v);
	size_t i = 0, j = h, o = 0;
	/* the left run wins ties: stable */
	while (i < h && j < n)
		v[o++] = by_key(tmp[i], v[j]) <= 0 ? tmp[i++] : v[j++];
	while (i < h)
		v[o++] = tmp[i++];
}

static int agree(const ex_mention *a, const ex_mention *b)
{
	if (a->unit != b->unit)
		return 0;
	if (a->kind == EC_KIND_GUIDANCE)
		return ec_values_agree(a->unit, a->low, b->low) &&
		       ec_values_agree(a->unit, a->high, b->high);
	return ec_values_agree(a->unit, a->value, b->value);
}

typedef struct pick {
	const ex_mention *win;
	size_t first; /* earliest order in the winning group */
	int analyst_only;
	const ex_mention *lose[8];
	int nlose;
} pick;

/* Stable merge sort of the picks v[0..n) by their first order (tmp: room
 * for n / 2 + 1): the order qsort by first gave, since the firsts are
 * unique (the groups are disjoint, the orders unique). */
static void sort_by_first(const pick **v, const pick **tmp, size_t n)
{
	if (n <= 12) {
		for (size_t i = 1; i < n; i++) {
			const pick *x = v[i];
			size_t j = i;
			while (j > 0 && v[j - 1]->first > x->first) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = x;
		}
		return;
	}
	size_t h = n / 2;
	sort_by_first(v, tmp, h);
	sort_by_first(v + h, tmp, n - h);
	if (v[h - 1]->first <= v[h]->first)
		return;
	memcpy(tmp, v, h * sizeof *v);
	size_t i = 0, j = h, o = 0;
	while (i < h && j < n)
		v[o++] = tmp[i]->first <= v[j]->first ? tmp[i++] : v[j++];
	while (i < h)
		v[o++] = tmp[i++];
}

/* Values computed as 4.28 * 1e9 / 1e6 carry binary noise: round to
 * 1e-6 of the unit (far below any stated precision). */
static double tidy(double v)
{
	return isnan(v) ? v : nearbyint(v * 1e6) / 1e6;
}

/* The quote and line of the last span to_obs read: the mentions of one
 * table row or one sentence share their span [cstart, cend) and come one
 * after the other in order, and ex_doc_quote and ex_doc_line read only
 * the document (which does not change here) and the span. */
typedef struct quote_memo {
	int ok;
	size_t a, b;
	long line;
} quote_memo;

static ec_obs to_obs(const ex_doc *d, const ex_mention *m, const char *docname,
                     char *quote, size_t qn, int analyst, quote_memo *qm)
{
	ec_obs o = ec_obs_init();
	o.company = d->company;
	o.doc = docname;
	o.period = m->period;
	o.metric = m->metric;
	o.segment = m->segment;
	o.basis = m->basis;
	o.kind = m->kind;
	o.value = tidy(m->value);
	o.low = tidy(m->low);
	o.high = tidy(m->high);
	o.unit = m->unit;
	o.issued = d->issued;
	if (!qm->ok || qm->a != m->cstart || qm->b != m->cend) {
		ex_doc_quote(d, m->cstart, m->cend, quote, qn);
		qm->line = ex_doc_line(d, ex_doc_raw(d, m->cstart));
		qm->a = m->cstart;
		qm->b = m->cend;
		qm->ok = 1;
	}
	o.quote = quote;
	o.line = qm->line;
	o.source_role = analyst ? EC_ROLE_ANALYST : EC_ROLE_COMPANY;
	return o;
}

ec_err ex_reconcile(ex_doc *d, ex_mentions *m, const char *docname,
                    ec_series *out, size_t *rows, size_t *conflicts,
                    ec_error *err)
{
	*rows = 0;
	*conflicts = 0;
	d->work += m->n;
	if (m->n == 0)
		return EC_OK;
	const ex_mention **v = malloc(m->n * sizeof *v);
	const ex_mention **tmp = malloc((m->n / 2 + 1) * sizeof *tmp);
	pick *picks = malloc(m->n * sizeof *picks);
	size_t *gid = malloc(m->n * sizeof *gid);
	if (!v || !tmp || !picks || !gid) {
		free(v);
		free(tmp);
		free(picks);
		free(gid);
		return ec_error_set(err, EC_ENOMEM, docname, 0, 0, "out of memory");
	}
	for (size_t i = 0; i < m->n; i++)
		v[i] = &m->v[i];
	sort_by_key(v, tmp, m->n);
	free(tmp);
	size_t np = 0;
	for (size_t i = 0; i < m->n;) {
		size_t j = i + 1;
		while (j < m->n && key_cmp(v[i], v[j]) == 0)
			j++;
		/* groups by agreement with the group's first mention */
		size_t ng = 0;
		for (size_t a = i; a < j; a++) {
			size_t g;
			for (g = 0; g < ng; g++) {
				size_t rep = i;
				while (gid[rep - i] != g)
					rep++;
				if (agree(v[rep], v[a]))
					break;
			}
			gid[a - i] = g;
			if (g == ng)
				ng++;
		}
		/* best group: lowest priority number, then size, then earliest */
		size_t best = 0;
		int bprio = 99;
		size_t bsize = 0, bfirst = (size_t)-1;
		for (size_t g = 0; g < ng; g++) {
			int pr = 99;
			size_t size = 0, first = (size_t)-1;
			for (size_t a = i; a < j; a++)
				if (gid[a - i] == g) {
					if (v[a]->prio < pr)
						pr = v[a]->prio;
					size++;
					if (v[a]->order < first)
						first = v[a]->order;
				}
			if (pr < bprio || (pr == bprio && (size > bsize || (size == bsize && first < bfirst)))) {
				best = g;
				bprio = pr;
				bsize = size;
				bfirst = first;
			}
		}
		pick *p = &picks[np++];
		memset(p, 0, sizeof *p);
		p->first = (size_t)-1;
		p->analyst_only = 1;
		for (size_t a = i; a < j; a++) {
			if (gid[a - i] != best)
				continue;
			const ex_mention *x = v[a];
			if (x->role != EX_ROLE_ANALYST)
				p->analyst_only = 0;
			if (x->order < p->first)
				p->first = x->order;
			if (!p->win || x->precision > p->win->precision ||
			    (x->precision == p->win->precision && x->prio < p->win->prio))
				p->win = x;
		}
		for (size_t g = 0; g < ng && p->nlose < 8; g++) {
			if (g == best)
				continue;
			for (size_t a = i; a < j; a++)
				if (gid[a - i] == g) {
					p->lose[p->nlose++] = v[a];
					break;
				}
		}
		i = j;
	}
	/* the picks by first order, through pointers (and room for the
	 * sort's halves after them) */
	const pick **pv = malloc((np + np / 2 + 1) * sizeof *pv);
	if (!pv) {
		free(v);
		free(picks);
		free(gid);
		return ec_error_set(err, EC_ENOMEM, docname, 0, 0, "out of memory");
	}
	for (size_t i = 0; i < np; i++)
		pv[i] = &picks[i];
	sort_by_first(pv, pv + np, np);
	ec_err rc = EC_OK;
	char quote[1024];
	quote_memo qm = {0, 0, 0, 0};
	for (size_t i = 0; i < np && rc == EC_OK; i++) {
		ec_obs o = to_obs(d, pv[i]->win, docname, quote, sizeof quote, pv[i]->analyst_only,
		                  &qm);
		ec_error e2;
		ec_err r = ec_series_add(out, &o, &e2);
		if (r == EC_ECONFLICT) {
			(*conflicts)++;
			continue; /* the key is already in the store: report only */
		}
		if (r) {
			rc = r;
			if (err)
				*err = e2;
			break;
		}
		(*rows)++;
		for (int k = 0; k < pv[i]->nlose; k++) {
			const ex_mention *x = pv[i]->lose[k];
			ec_obs c = to_obs(d, x, docname, quote, sizeof quote, x->role == EX_ROLE_ANALYST,
			                  &qm);
			r = ec_series_add(out, &c, &e2);
			if (r == EC_ECONFLICT)
				(*conflicts)++;
			else if (r && r != EC_ECONFLICT) {
				rc = r;
				if (err)
					*err = e2;
				break;
			}
		}
	}
	free(pv);
	free(v);
	free(picks);
	free(gid);
	return rc;
}
