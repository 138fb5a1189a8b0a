/* earnchart extraction: the public entry points.  A document is
 * validated and cleaned (text.c), identified (its quarter, date and
 * ticker: when.c), read as prose (rules.c) and as tables (table.c), and
 * its mentions reconciled into one row per key (reconcile.c). */
#include <stdlib.h>
#include <string.h>

#include "earnchart/extract.h"
#include "earnchart/io.h"
#include "ex.h"

void ec_extract_opts_defaults(ec_extract_opts *o)
{
	memset(o, 0, sizeof *o);
	o->max_bytes = (size_t)256 << 20;
	o->max_line = (size_t)64 << 20;
}

static const char *base_name(const char *p)
{
	const char *b = strrchr(p, '/');
	return b ? b + 1 : p;
}

ec_err ec_extract_mem(const char *data, size_t len, const char *name,
                      const ec_extract_opts *opts, ec_series *out,
                      ec_extract_info *info, ec_error *err)
{
	size_t work;
	return ex_extract_counted(data, len, name, opts, out, info, &work, err);
}

ec_err ex_extract_counted(const char *data, size_t len, const char *name,
                          const ec_extract_opts *opts, ec_series *out,
                          ec_extract_info *info, size_t *work, ec_error *err)
{
	*work = 0;
	ec_extract_opts def;
	if (!opts) {
		ec_extract_opts_defaults(&def);
		opts = &def;
	}
	if (!name)
		name = "-";
	if (info)
		memset(info, 0, sizeof *info);
	ex_doc d;
	ec_err rc = ex_doc_prepare(&d, data ? data : "", data ? len : 0, name, opts, err);
	if (rc) {
		ex_doc_free(&d);
		return rc;
	}
	if (ex_doc_spoken(&d)) {
		ex_doc_free(&d);
		return ec_error_set(err, EC_ENOMEM, name, 0, 0, "out of memory");
	}
	ex_doc_speakers(&d);
	ex_doc_identify(&d, opts);
	ex_mentions m = {0};
	rc = ex_rules_scan(&d, &m);
	if (!rc)
		rc = ex_table_scan(&d, &m);
	if (rc) {
		*work = d.work;
		ex_mentions_free(&m);
		ex_doc_free(&d);
		return ec_error_set(err, rc, name, 0, 0, "out of memory");
	}
	size_t rows = 0, conflicts = 0;
	rc = ex_reconcile(&d, &m, base_name(name), out, &rows, &conflicts, err);
	if (info) {
		info->kind = d.kind;
		info->has_period = d.has_period;
		info->period = d.period;
		memcpy(info->issued, d.issued, sizeof info->issued);
		snprintf(info->company, sizeof info->company, "%s", d.company);
		info->rows = rows;
		info->mentions = m.n;
		info->conflicts = conflicts;
	}
	*work = d.work;
	ex_mentions_free(&m);
	ex_doc_free(&d);
	return rc;
}

ec_err ec_extract_file(const char *path, const ec_extract_opts *opts,
                       ec_series *out, ec_extract_info *info, ec_error *err)
{
	ec_extract_opts def;
	if (!opts) {
		ec_extract_opts_defaults(&def);
		opts = &def;
	}
	char *data = NULL;
	size_t len = 0;
	ec_err rc = ec_read_file(path, opts->max_bytes, &data, &len, err);
	if (rc)
		return rc;
	rc = ec_extract_mem(data, len, path, opts, out, info, err);
	free(data);
	return rc;
}
