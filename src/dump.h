/*
 * dump.h: the report as indented text, one node a line, for golden tests
 * and debugging (as mandoc's tree.c and cmark's xml.c).  A renderer: it
 * reads only report.h.  Content never reaches the terminal raw: what
 * diag_escape escapes is written as \U+XXXX (a byte that is not UTF-8
 * as \xXX), a newline as \n.
 */
#ifndef DUMP_H
#define DUMP_H

struct buf;
struct report;

void	 dump_report(struct buf *, const struct report *);

#endif
