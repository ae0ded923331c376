/*
 * dump.h: the report as indented text, one node a line, for golden tests
 * and debugging (as mandoc's tree.c and cmark's xml.c).  A renderer: it
 * reads only report.h.
 */
#ifndef DUMP_H
#define DUMP_H

struct buf;
struct report;

void	 dump_report(struct buf *, const struct report *);

#endif
