/*
 * keys.h: the keys the loader (load.c) accepts in each kind of map, and
 * the words it accepts for some values; each NULL-terminated.  load.c
 * checks the content with them and schema.c writes the JSON Schemas
 * from them, so the editor's help cannot drift from `check`.
 */
#ifndef KEYS_H
#define KEYS_H

/* site.yaml */
extern const char *const site_keys[], *const unit_keys[];
/* initiatives/<id>.yaml */
extern const char *const init_keys[], *const staff_keys[],
    *const role_keys[], *const part_keys[], *const course_keys[],
    *const phase_keys[], *const phase_kinds[], *const milestone_keys[],
    *const replan_keys[], *const phase_replan_keys[], *const figure_keys[],
    *const reference_keys[];
/* reports/<id>/report.yaml; includes: what a section may include */
extern const char *const report_keys[], *const attachment_keys[],
    *const event_keys[], *const correction_keys[], *const section_keys[],
    *const includes[];
/* templates/pdf.yaml */
extern const char *const style_keys[], *const page_keys[],
    *const font_keys[], *const size_keys[], *const text_keys[],
    *const color_keys[];

#endif
