/*
 * schema.c: the JSON Schemas of the YAML files, for the editor.  See
 * schema.h.  The keys of each map are the loader's (keys.h); here each
 * gets a description for the administrator, in Danish, and its form:
 * the ways the loader accepts its value.  A form is a little looser
 * than the loader where a pattern cannot say it all (a date's day in
 * its month, a unit's id in site.yaml), never stricter.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "keys.h"
#include "model.h"
#include "schema.h"

/* --- What each key is, in Danish ------------------------------------ */

/* A key of a simple form, and the end of a list of keys. */
#define KEY(key, form, doc) { key, doc, form, NULL, NULL, NULL, NULL, 0, 0 }
#define END	{ NULL, NULL, SF_TEXT, NULL, NULL, NULL, NULL, 0, 0 }

#define ONE_OR_OVER_TIME " Et helt tal, eller datoer med det tal, der " \
	"gælder fra hver dato, ældste først (\"3. juni 2021: 16\")."
#define D_RECRUITED	"Antal rekrutterede." ONE_OR_OVER_TIME
#define D_STARTED	"Antal, der er begyndt." ONE_OR_OVER_TIME
#define D_DROPPED	"Antal, der er faldet fra (højst så mange, som er " \
	"begyndt)." ONE_OR_OVER_TIME
#define D_COMPLETED	"Antal, der har gennemført." ONE_OR_OVER_TIME
#define D_ACTIVE	"Antal aktive. Udelades det, er det de begyndte " \
	"minus de frafaldne og dem, der har gennemført." ONE_OR_OVER_TIME
/* The counts of the participants, or of a course. */
#define COUNTS	KEY("recruited", SF_COUNT, D_RECRUITED), \
	KEY("started", SF_COUNT, D_STARTED), \
	KEY("dropped_out", SF_COUNT, D_DROPPED), \
	KEY("completed", SF_COUNT, D_COMPLETED), \
	KEY("active", SF_COUNT, D_ACTIVE)
#define D_ID(what)	what " id: små bogstaver a-z, tal, - og _ (skriv " \
	"æ som ae, ø som oe og å som aa)."
#define D_UNIT		"Id på en enhed fra site.yaml (units)."
#define D_PLANNED_ON	"Datoen, planen blev lagt. Før den dato kendes " \
	"planen ikke."

static const char *const need_id_name[] = { "id", "name", NULL };
static const char *const need_id_label[] = { "id", "label", NULL };

static const struct schema_key unit_doc[] = {
	KEY("id", SF_ID, D_ID("Enhedens") " Andre filer henviser til "
	    "enheden med det, fx owner: cbf."),
	KEY("name", SF_TEXT, "Enhedens navn, fx Center for Børn og "
	    "Forebyggelse."),
	END
};
static const struct schema_map unit_map = {
	"a unit", unit_keys, unit_doc, need_id_name, NULL
};

static const char *const quote_words[] = { "”", "””", "»«", NULL };

static const struct schema_key site_doc[] = {
	KEY("municipality", SF_TEXT, "Kommunens navn, fx Ishøj Kommune. "
	    "Skal udfyldes."),
	{ "language", "Sproget på siderne og i PDF'erne som sprogkode, fx "
	    "da-DK (dansk i Danmark) eller da. Udelades det: da-DK.",
	    SF_PATTERN, NULL, NULL, NULL,
	    "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", 0, 0 },
	{ "base_url", "Webadressen, hvor sitet udgives, fx https://www.ishoj.dk"
	    "/statusnotater/. Giver hver side dens faste adresse og sitet et "
	    "Atom-feed (feed.xml). Uden mellemrum, brugernavn og adgangskode.",
	    SF_PATTERN, NULL, NULL, NULL, "^https?://[^ \t\"<>\\\\^`{|}]*$",
	    0, 0 },
	{ "logo", "Logoet øverst på siderne: en .png-, .jpg- eller .svg-fil "
	    "i content-mappen, fx logo.png.", SF_PATTERN, NULL, NULL, NULL,
	    "^(?!/)(?!.*[.][.]).*[.](png|jpg|jpeg|svg)$", 0, 0 },
	{ "quotes", "Anførselstegnene i teksten: ” (standard, ”citat”) eller "
	    "»« (»citat«).", SF_WORD, NULL, NULL, quote_words, NULL, 0, 0 },
	{ "units", "Kommunens enheder (centre, afdelinger), hver med id og "
	    "name.", SF_LIST, NULL, &unit_map, NULL, NULL, 0, 0 },
	END
};
static const char *const site_need[] = { "municipality", NULL };
static const struct schema_map site_map = {
	"site.yaml", site_keys, site_doc, site_need, NULL
};

static const struct schema_key staff_doc[] = {
	KEY("count", SF_COUNT, "Antal medarbejdere." ONE_OR_OVER_TIME),
	KEY("unit", SF_TEXT, "Enheden, personalet hører til. " D_UNIT),
	KEY("from", SF_DATE, "Datoen, antallet gælder fra."),
	END
};
static const struct schema_map staff_map = {
	"\"staff\"", staff_keys, staff_doc, NULL, NULL
};

static const struct schema_key role_doc[] = {
	KEY("role", SF_TEXT, "Rollen, fx centerchef eller medarbejdere."),
	KEY("count", SF_COUNT, "Antal i rollen." ONE_OR_OVER_TIME),
	KEY("unit", SF_TEXT, "Enheden, rollen hører til (kan udelades). "
	    D_UNIT),
	END
};
static const char *const role_need[] = { "role", "count", NULL };
static const struct schema_map role_map = {
	"a role in \"staff\"", role_keys, role_doc, role_need, NULL
};

static const struct schema_key part_doc[] = {
	COUNTS,
	END
};
static const struct schema_map part_map = {
	"\"participants\"", part_keys, part_doc, NULL, NULL
};

static const struct schema_key course_doc[] = {
	KEY("id", SF_ID, D_ID("Holdets")),
	KEY("label", SF_TEXT, "Holdets navn, fx Forårsholdet 2021."),
	COUNTS,
	END
};
static const struct schema_map course_map = {
	"a course in \"participants\"", course_keys, course_doc,
	need_id_label, NULL
};

static const struct schema_key phase_replan_doc[] = {
	KEY("date", SF_DATE, "Datoen, planen blev ændret."),
	KEY("planned_start", SF_DATE, "Den nye planlagte start."),
	KEY("planned_end", SF_DATE, "Den nye planlagte slutning (kan "
	    "udelades)."),
	KEY("reason", SF_TEXT, "Hvorfor planen blev ændret."),
	END
};
static const char *const phase_replan_need[] = {
	"date", "planned_start", NULL
};
static const struct schema_map phase_replan_map = {
	"a changed plan of a phase", phase_replan_keys, phase_replan_doc,
	phase_replan_need, NULL
};

static const struct schema_key phase_doc[] = {
	KEY("id", SF_ID, D_ID("Fasens")),
	KEY("name", SF_TEXT, "Fasens navn, fx Første uddannelsesforløb."),
	{ "kind", "Fasens slags: recruitment (rekruttering), training "
	    "(uddannelse), pause, support (støtte) eller other (andet).",
	    SF_WORD, NULL, NULL, phase_kinds, NULL, 0, 0 },
	KEY("reason", SF_TEXT, "Hvorfor, fx for en pause."),
	KEY("start", SF_DATE, "Hvornår fasen begyndte (det, der skete)."),
	KEY("end", SF_DATE, "Hvornår fasen sluttede."),
	KEY("planned_start", SF_DATE, "Hvornår fasen skulle begynde "
	    "(planen). Når den begynder, tilføjes start, og planen bliver "
	    "stående."),
	KEY("planned_end", SF_DATE, "Hvornår fasen skulle slutte (planen)."),
	KEY("planned_on", SF_DATE, D_PLANNED_ON),
	{ "replanned", "Ændringer af planen, ældste først: date, planned_start "
	    "og evt. planned_end og reason.", SF_LIST, NULL,
	    &phase_replan_map, NULL, NULL, 0, 0 },
	KEY("ongoing", SF_BOOL_DATE, "Når fasen uden slutdato stadig "
	    "foregår ved siden af de faser, der er begyndt efter den: den "
	    "dato, det senest var kendt, fx 2. juni 2022 (notater fra før "
	    "den dato ændres ikke), eller true; ellers false."),
	KEY("sessions", SF_COUNT, "Antal undervisningsgange."
	    ONE_OR_OVER_TIME),
	END
};
static const char *const phase_need[] = { "id", "name", "kind", NULL };
static const struct schema_map phase_map = {
	"a phase", phase_keys, phase_doc, phase_need, NULL
};

static const struct schema_key replan_doc[] = {
	KEY("date", SF_DATE, "Datoen, planen blev ændret."),
	KEY("planned", SF_DATE, "Den nye planlagte dato."),
	KEY("reason", SF_TEXT, "Hvorfor planen blev ændret."),
	END
};
static const char *const replan_need[] = { "date", "planned", NULL };
static const struct schema_map replan_map = {
	"a changed plan", replan_keys, replan_doc, replan_need, NULL
};

static const struct schema_key milestone_doc[] = {
	KEY("id", SF_ID, D_ID("Milepælens")),
	KEY("label", SF_TEXT, "Milepælens tekst, fx Første hold "
	    "færdiguddannet."),
	KEY("planned", SF_DATE, "Den planlagte dato."),
	KEY("planned_on", SF_DATE, D_PLANNED_ON),
	KEY("actual", SF_DATE, "Datoen, milepælen blev nået."),
	{ "replanned", "Ændringer af planen, ældste først: date, planned og "
	    "evt. reason. Den første plan bliver stående som planned.",
	    SF_LIST, NULL, &replan_map, NULL, NULL, 0, 0 },
	END
};
static const char *const milestone_one_of[] = { "planned", "actual", NULL };
static const struct schema_map milestone_map = {
	"a milestone", milestone_keys, milestone_doc, need_id_label,
	milestone_one_of
};

#define D_QUANTITY	" Skrevet som på dansk: 16, 1.500, 12,5, 34 %, " \
	"16 mio. kr., ca. 40; eller datoer med det tal, der gælder fra " \
	"hver dato, ældste først."

static const struct schema_key reference_doc[] = {
	KEY("label", SF_TEXT, "Hvad der sammenlignes med, fx regionalt "
	    "gennemsnit."),
	KEY("value", SF_QUANTITY, "Tallet at sammenligne med, fx 38,2 %."
	    D_QUANTITY),
	END
};
static const char *const reference_need[] = { "label", "value", NULL };
static const struct schema_map reference_map = {
	"\"reference\"", reference_keys, reference_doc, reference_need, NULL
};

static const struct schema_key figure_doc[] = {
	KEY("id", SF_ID, D_ID("Tallets")),
	KEY("label", SF_TEXT, "Hvad tallet er, fx Andel i job eller "
	    "uddannelse."),
	KEY("value", SF_QUANTITY, "Tallet med dets enhed." D_QUANTITY),
	KEY("target", SF_QUANTITY, "Målet, fx 40 %." D_QUANTITY),
	{ "reference", "Et tal at sammenligne med: label og value.", SF_MAP,
	    &reference_map, NULL, NULL, NULL, 0, 0 },
	KEY("as_of", SF_DATE, "Dagen, tallet er opgjort (ikke sammen med "
	    "period)."),
	KEY("period", SF_DATE, "Perioden, tallet dækker, fx 2022 (ikke "
	    "sammen med as_of)."),
	KEY("ends", SF_DATE, "Datoen, tallet ikke længere opgøres fra: "
	    "senere notater udelader det."),
	END
};
static const char *const figure_need[] = { "id", "label", "value", NULL };
static const struct schema_map figure_map = {
	"a figure", figure_keys, figure_doc, figure_need, NULL
};

static const struct schema_key init_doc[] = {
	KEY("name", SF_TEXT, "Indsatsens navn, fx Bydelsmødre. Skal "
	    "udfyldes."),
	KEY("origin", SF_TEXT, "Hvem der har udviklet indsatsen, fx Fonden "
	    "for Socialt Ansvar."),
	KEY("owner", SF_TEXT, "Enheden, der driver indsatsen i kommunen. "
	    D_UNIT),
	KEY("partners", SF_TEXTS, "Enheder, indsatsen samarbejder med ud "
	    "over ejeren: en liste af id'er fra site.yaml."),
	KEY("founded", SF_DATE, "Hvornår indsatsen selv begyndte, fx 2013."),
	KEY("established", SF_DATE, "Hvornår indsatsen begyndte i kommunen."),
	{ "staff", "Personalet: count, unit og from; eller en liste af "
	    "roller, hver med role, count og evt. unit.", SF_MAP_OR_LIST,
	    &staff_map, &role_map, NULL, NULL, 0, 0 },
	KEY("recruitment", SF_TEXTS, "Rekrutteringskanalerne: en liste af "
	    "tekster."),
	{ "participants", "Deltagerne: recruited, started, dropped_out, "
	    "completed og active; eller en liste af hold, hvert med id, label "
	    "og de samme tal.", SF_MAP_OR_LIST, &part_map, &course_map,
	    NULL, NULL, 0, 0 },
	{ "phases", "Indsatsens faser i den rækkefølge, de begyndte, hver "
	    "med id, name og kind.", SF_LIST, NULL, &phase_map,
	    NULL, NULL, 0, 0 },
	{ "milestones", "Milepæle, planlagte og nåede, hver med id, label og "
	    "planned eller actual.", SF_LIST, NULL, &milestone_map,
	    NULL, NULL, 0, 0 },
	{ "figures", "Andre tal, hver med id, label og value.", SF_LIST, NULL,
	    &figure_map, NULL, NULL, 0, 0 },
	END
};
static const char *const init_need[] = { "name", NULL };
static const struct schema_map init_map = {
	"an initiative", init_keys, init_doc, init_need, NULL
};

static const struct schema_key event_doc[] = {
	KEY("id", SF_ID, D_ID("Begivenhedens")),
	KEY("label", SF_TEXT, "Begivenhedens tekst."),
	KEY("date", SF_DATE, "Begivenhedens dato."),
	END
};
static const char *const event_need[] = { "id", "label", "date", NULL };
static const struct schema_map event_map = {
	"an event", event_keys, event_doc, event_need, NULL
};

static const struct schema_key attachment_doc[] = {
	KEY("file", SF_TEXT, "Filen i notatets mappe, fx handlingsplan.pdf."),
	KEY("title", SF_TEXT, "Bilagets titel."),
	END
};
static const char *const attachment_need[] = { "file", NULL };
static const struct schema_map attachment_map = {
	"an attachment", attachment_keys, attachment_doc, attachment_need, NULL
};

static const struct schema_key correction_doc[] = {
	KEY("date", SF_DATE, "Rettelsens dato (ikke før notatets egen)."),
	KEY("what", SF_TEXT, "Hvad der er rettet."),
	KEY("why", SF_TEXT, "Hvorfor."),
	END
};
static const char *const correction_need[] = { "date", "what", "why", NULL };
static const struct schema_map correction_map = {
	"a correction", correction_keys, correction_doc, correction_need, NULL
};

static const struct schema_key section_doc[] = {
	KEY("title", SF_TEXT, "Afsnittets overskrift (udelades for en "
	    "indledning uden overskrift)."),
	{ "narrative", "Afsnittets tekst: en .md-fil i notatets mappe, fx "
	    "baba.md.", SF_PATTERN, NULL, NULL, NULL, "^[^/.][^/]*[.]md$",
	    0, 0 },
	KEY("initiative", SF_TEXT, "Id på en indsats: dens tidslinje og tal "
	    "følger teksten."),
	{ "include", "Hvad der følger teksten: chart (tidslinjen), forecasts "
	    "(prognoseregnskabet) eller en liste af dem.", SF_WORDS,
	    NULL, NULL, includes, NULL, 0, 0 },
	END
};
static const char *const section_one_of[] = {
	"narrative", "initiative", "include", NULL
};
static const struct schema_map section_map = {
	"a section", section_keys, section_doc, NULL, section_one_of
};

static const struct schema_key report_doc[] = {
	KEY("date", SF_DATE, "Notatets dato, øverst på notatet. Skal "
	    "udfyldes."),
	KEY("as_of", SF_DATE, "Datoen, notatet viser verden som kendt på "
	    "(fakta, planer, tal). Udelades det: date."),
	KEY("title", SF_TEXT, "Notatets titel. Udelades det: Statusnotat."),
	KEY("to", SF_TEXT_OR_TEXTS, "Hvem notatet er til: en tekst, fx "
	    "Socialudvalget, eller en liste. Udelades det: Byrådet."),
	KEY("subject", SF_TEXT, "Emnet efter »Vedr.«, fx indsatserne Baba "
	    "og Bydelsmødre. Skal udfyldes."),
	KEY("sender", SF_TEXT, "Den afsendende enhed, nederst på siderne. "
	    D_UNIT " Skal udfyldes."),
	KEY("initiatives", SF_TEXTS, "Indsatserne, notatet handler om: en "
	    "liste af id'er (filnavnene i initiatives uden .yaml)."),
	{ "events", "Notatets daterede begivenheder, hver med id, label og "
	    "date.", SF_LIST, NULL, &event_map, NULL, NULL, 0, 0 },
	{ "sections", "Notatets afsnit i rækkefølge. Skal udfyldes.", SF_LIST,
	    NULL, &section_map, NULL, NULL, 0, 0 },
	{ "corrections", "Rettelser, efter notatet er udgivet, ældste først: "
	    "date, what og why.", SF_LIST, NULL, &correction_map,
	    NULL, NULL, 0, 0 },
	{ "attachments", "Bilag, der udgives med notatet: et filnavn, eller "
	    "file og title.", SF_LIST_OR_TEXT, NULL, &attachment_map,
	    NULL, NULL, 0, 0 },
	END
};
static const char *const report_need[] = {
	"date", "subject", "sender", "sections", NULL
};
static const struct schema_map report_map = {
	"report.yaml", report_keys, report_doc, report_need, NULL
};

/* The print style: the ranges are load_style's. */
#define MM(what, lo, hi, def) { what, "I millimeter (" #lo "-" #hi "); " \
	"standard " #def ".", SF_NUMBER, NULL, NULL, NULL, NULL, lo, hi }
#define PT(what, doc, lo, hi) { what, doc " i punkter (" #lo "-" #hi ").", \
	SF_NUMBER, NULL, NULL, NULL, NULL, lo, hi }

static const struct schema_key page_doc[] = {
	MM("width", 50, 1000, 210), MM("height", 50, 1000, 297),
	MM("margin_top", 0, 100, 20), MM("margin_bottom", 0, 100, 15),
	MM("margin_left", 0, 100, 25), MM("margin_right", 0, 100, 22),
	END
};
static const struct schema_map page_map = {
	"\"page\"", page_keys, page_doc, NULL, NULL
};

#define FONT(what, doc) { what, doc ": en TrueType-fil (.ttf), med fuld " \
	"sti eller i forhold til templates-mappen.", SF_TEXT, \
	NULL, NULL, NULL, NULL, 0, 0 }
static const struct schema_key font_doc[] = {
	FONT("regular", "Brødtekstens skrift"), FONT("bold", "Fed skrift"),
	FONT("italic", "Kursiv"), FONT("bold_italic", "Fed kursiv"),
	FONT("mono", "Skrift med fast bredde, til kode"),
	END
};
static const struct schema_map font_map = {
	"\"fonts\"", font_keys, font_doc, NULL, NULL
};

static const struct schema_key size_doc[] = {
	PT("body", "Brødteksten (standard 10,5)", 4, 72),
	PT("title", "Titlen (standard 16)", 4, 72),
	PT("heading2", "Overskrifter (standard 12)", 4, 72),
	PT("heading3", "Underoverskrifter (standard 10,5)", 4, 72),
	PT("small", "Småt, fx sidefoden (standard 8)", 4, 72),
	PT("table", "Tabeller (standard 9)", 4, 72),
	PT("code", "Kode (standard 9)", 4, 72),
	END
};
static const struct schema_map size_map = {
	"\"sizes\"", size_keys, size_doc, NULL, NULL
};

static const struct schema_key text_doc[] = {
	{ "leading", "Linjehøjden som gange skriftstørrelsen (1-3); standard "
	    "1.4.", SF_NUMBER, NULL, NULL, NULL, NULL, 1, 3 },
	KEY("justify", SF_BOOL, "Lige højremargen i brødteksten: true eller "
	    "false; standard true."),
	KEY("hyphenate", SF_BOOL, "Dansk orddeling: true eller false; "
	    "standard true."),
	PT("paragraph_space", "Afstanden mellem afsnit (standard 7)", 0, 72),
	PT("heading_space", "Afstanden før overskrifter (standard 12)", 0, 72),
	PT("list_indent", "Listers indrykning (standard 18)", 0, 72),
	END
};
static const struct schema_map text_map = {
	"\"text\"", text_keys, text_doc, NULL, NULL
};

#define COLOR(what, doc) { what, doc ", som #rrggbb.", SF_COLOR, \
	NULL, NULL, NULL, NULL, 0, 0 }
static const struct schema_key color_doc[] = {
	COLOR("text", "Brødtekstens farve (standard sort, #000000)"),
	COLOR("accent", "Overskrifternes farve (standard sort)"),
	COLOR("muted", "Sidefodens farve (standard #4d4d4d)"),
	COLOR("rule", "Linjernes farve (standard #999999)"),
	COLOR("shade", "Baggrunden bag kode (standard #f0f0f0)"),
	END
};
static const struct schema_map color_map = {
	"\"colors\"", color_keys, color_doc, NULL, NULL
};

static const struct schema_key style_doc[] = {
	{ "page", "Papiret og margenerne, i millimeter.", SF_MAP, &page_map,
	    NULL, NULL, NULL, 0, 0 },
	{ "fonts", "Skrifterne (standard Liberation Sans og Liberation Mono).",
	    SF_MAP, &font_map, NULL, NULL, NULL, 0, 0 },
	{ "sizes", "Skriftstørrelserne, i punkter.", SF_MAP, &size_map,
	    NULL, NULL, NULL, 0, 0 },
	{ "text", "Linjehøjde, lige højremargen, orddeling og afstande.",
	    SF_MAP, &text_map, NULL, NULL, NULL, 0, 0 },
	{ "colors", "Farverne, som #rrggbb.", SF_MAP, &color_map,
	    NULL, NULL, NULL, 0, 0 },
	MM("logo_height", 5, 100, 14),
	END
};
static const struct schema_map style_map = {
	"the print style", style_keys, style_doc, NULL, NULL
};

static const struct kind {
	const char	*name;
	const char	*title;
	const char	*doc;
	const struct schema_map *map;
} kinds[] = {
	{ "site", "site.yaml", "Kommunen og dens enheder: content/site.yaml.",
	    &site_map },
	{ "initiative", "En indsats", "Én indsats: content/initiatives/<id>"
	    ".yaml, hvor filnavnet er indsatsens id.", &init_map },
	{ "report", "Et statusnotat", "Ét statusnotat: content/reports/<id>/"
	    "report.yaml, hvor mappens navn er notatets id.", &report_map },
	{ "pdf", "Det trykte notats udseende", "Udseendet af notaternes PDF: "
	    "templates/pdf.yaml. Alt kan udelades.", &style_map },
};

/* --- The shared forms ------------------------------------------------ */

#define STR(x)		#x
#define ID_MAX		STR_OF(MODEL_MAX_ID)
#define STR_OF(x)	STR(x)

/* The definitions the forms refer to; ' stands for ". */
enum def { DEF_TEXT, DEF_ID, DEF_WHOLE, DEF_COUNT, DEF_QUANTITY, DEF_DATE,
    DEF_BOOL, DEF_COLOR, DEF__MAX };

static const struct {
	const char	*name;
	unsigned	 uses;		/* the definitions it refers to */
	const char	*json;		/* NULL: the date, built below */
} defs[DEF__MAX] = {
	{ "tekst", 0, "{'type':['string','number','boolean'],'minLength':1}" },
	{ "id", 0, "{'type':['string','integer'],"
	    "'pattern':'^[a-z0-9][a-z0-9_-]*$','maxLength':" ID_MAX ","
	    "'patternErrorMessage':'Et id har kun små bogstaver a-z, tal, - "
	    "og _ (skriv æ som ae, ø som oe og å som aa).'}" },
	{ "heltal", 0, "{'anyOf':[{'type':'integer','minimum':0},"
	    "{'type':'string','pattern':'^[0-9]+$'}]}" },
	{ "antal", 1u << DEF_WHOLE | 1u << DEF_DATE,
	    "{'anyOf':[{'$ref':'#/definitions/heltal'},{'type':'object',"
	    "'minProperties':1,'propertyNames':{'$ref':'#/definitions/dato'},"
	    "'additionalProperties':{'$ref':'#/definitions/heltal'}}]}" },
	{ "maengde", 1u << DEF_DATE,
	    "{'anyOf':[{'type':'number'},{'type':'string','pattern':'[0-9]'},"
	    "{'type':'object','minProperties':1,"
	    "'propertyNames':{'$ref':'#/definitions/dato'},"
	    "'additionalProperties':{'anyOf':[{'type':'number'},"
	    "{'type':'string','pattern':'[0-9]'}]}}]}" },
	{ "dato", 0, NULL },
	{ "sandt_falsk", 0, "{'anyOf':[{'type':'boolean'},"
	    "{'enum':['true','false']}]}" },
	{ "farve", 0, "{'type':'string','pattern':'^#[0-9a-fA-F]{6}$',"
	    "'patternErrorMessage':'En farve skrives som #rrggbb, fx "
	    "#1a1a1a.'}" },
};

/* JSON with ' for ". */
static void
put_json(struct buf *b, const char *json)
{
	size_t	 at = b->len, i;

	buf_puts(b, json);
	for (i = at; i < b->len; i++)
		if (b->data[i] == '\'')
			b->data[i] = '"';
}

/* s as a JSON string. */
static void
put_string(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			buf_printf(b, "\\u%04x", (unsigned)*s);
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* The word w, in any case, as date.c folds it (å also as a + ring). */
static void
any_case(struct buf *b, const char *w)
{
	for (; *w != '\0'; w++) {
		if (*w >= 'a' && *w <= 'z')
			buf_printf(b, "[%c%c]", *w, *w - 'a' + 'A');
		else if (strncmp(w, "å", 2) == 0)
			buf_puts(b, "(?:[åÅ]|[aA]\xcc\x8a)"), w++;
		else if (*w == '.')
			buf_puts(b, "\\.");
		else
			buf_putc(b, *w);
	}
}

/* The words w (NULL-terminated), each put by put, between open and
   close, with sep between two. */
static void
join(struct buf *b, const char *const *w, const char *open, const char *sep,
    const char *close, void (*put)(struct buf *, const char *))
{
	buf_puts(b, open);
	for (; *w != NULL; w++) {
		put(b, *w);
		if (w[1] != NULL)
			buf_puts(b, sep);
	}
	buf_puts(b, close);
}

/* (?:w1|w2|...) in any case. */
static void
any_of(struct buf *b, const char *const *w)
{
	join(b, w, "(?:", "|", ")", any_case);
}

/*
 * The forms of date.c: a day ("3. juni 2021", "d. 3. juni 2021",
 * "3/6-2021", "3.6.2021", "2021-06-03"), a month ("juni 2021",
 * "2021-06", "medio juni 2021"), a part of a year ("medio 2022"), a
 * season, a quarter, a half, a week, a year, the turn of the year; any
 * of them after "senest" or "omkring".
 */
static void
date_pattern(struct buf *b)
{
	static const char *const quals[] = { "senest", "omkring", NULL };
	static const char *const months[] = {
		"januar", "februar", "marts", "april", "maj", "juni", "juli",
		"august", "september", "oktober", "november", "december",
		"jan", "feb", "mar", "apr", "aug", "sep", "sept", "okt",
		"nov", "dec", NULL
	};
	static const char *const parts[] = { "primo", "medio", "ultimo", NULL };
	static const char *const seasons[] = {
		"foråret", "sommeren", "efteråret", NULL
	};
	static const char *const two_years[] = {
		"vinteren", "årsskiftet", NULL
	};
	static const char *const counted[] = {
		"kvartal", "kvt", "halvår", NULL
	};
	const char *const y = "[0-9]{4}", *const day = "[0-9]{1,2}\\.?";

	buf_puts(b, "^\\s*(?:");
	any_of(b, quals);
	buf_puts(b, "\\s+)?(?:(?:");
	any_case(b, "d.");
	buf_printf(b, "\\s+)?%s\\s+", day);
	any_of(b, months);
	buf_printf(b, "\\.?\\s+%s|[0-9]{1,2}/[0-9]{1,2}-%s|"
	    "[0-9]{1,2}\\.[0-9]{1,2}\\.%s|%s-[0-9]{2}(?:-[0-9]{2})?|",
	    y, y, y, y);
	any_case(b, "uge");
	buf_printf(b, "\\s+[0-9]{1,2}\\s+%s|%s\\s+", y, day);
	any_of(b, counted);
	buf_printf(b, "\\.?\\s+%s|%s|", y, y);
	any_of(b, parts);
	buf_puts(b, "\\s+(?:");
	any_of(b, months);
	buf_printf(b, "\\.?\\s+)?%s|", y);
	any_of(b, months);
	buf_printf(b, "\\.?\\s+%s|", y);
	any_of(b, seasons);
	buf_printf(b, "\\s+%s|", y);
	any_of(b, two_years);
	buf_printf(b, "\\s+%s/(?:[0-9]{2}|%s))\\s*$", y, y);
}

static void
put_def(struct buf *b, enum def d)
{
	struct buf	 p;

	if (defs[d].json != NULL) {
		put_json(b, defs[d].json);
		return;
	}
	buf_init(&p, b->arena);
	date_pattern(&p);
	buf_puts(b, "{\"anyOf\":[{\"type\":\"string\",\"pattern\":");
	put_string(b, p.data);
	put_json(b, ",'patternErrorMessage':'Ikke en dato, statusnotat kan "
	    "læse. Skriv fx 3. juni 2021, juni 2021, medio oktober 2020, "
	    "sommeren 2020, 1. kvartal 2022, uge 23 2021 eller 3/6-2021.'},"
	    "{'type':'integer','minimum':1900,'maximum':2200}]}");
}

/* --- Writing a schema ----------------------------------------------- */

static void	put_map(struct buf *, const struct schema_map *, unsigned *);

/* {"$ref":...} to definition d, noting that it is used. */
static void
put_ref(struct buf *b, enum def d, unsigned *used)
{
	*used |= 1u << d | defs[d].uses;
	buf_printf(b, "{\"$ref\":\"#/definitions/%s\"}", defs[d].name);
}

static void
put_words(struct buf *b, const char *const *w)
{
	join(b, w, "\"enum\":[", ",", "]", put_string);
}

/* A list of what follows, which may be left empty (null). */
static void
open_list(struct buf *b)
{
	buf_puts(b, "\"anyOf\":[{\"type\":\"null\"},{\"type\":\"array\","
	    "\"items\":");
}

/* The schema of the value of key k, after its description. */
static void
put_form(struct buf *b, const struct schema_key *k, unsigned *used)
{
	static const enum def simple[] = {
		[SF_TEXT] = DEF_TEXT, [SF_ID] = DEF_ID, [SF_WHOLE] = DEF_WHOLE,
		[SF_COUNT] = DEF_COUNT, [SF_QUANTITY] = DEF_QUANTITY,
		[SF_DATE] = DEF_DATE, [SF_BOOL] = DEF_BOOL,
		[SF_COLOR] = DEF_COLOR
	};

	switch (k->form) {
	case SF_TEXT: case SF_ID: case SF_WHOLE: case SF_COUNT:
	case SF_QUANTITY: case SF_DATE: case SF_BOOL: case SF_COLOR:
		buf_puts(b, "\"allOf\":[");
		put_ref(b, simple[k->form], used);
		buf_puts(b, "]");
		break;
	case SF_BOOL_DATE:
		buf_puts(b, "\"anyOf\":[");
		put_ref(b, DEF_BOOL, used);
		buf_puts(b, ",");
		put_ref(b, DEF_DATE, used);
		buf_puts(b, "]");
		break;
	case SF_NUMBER:
		buf_printf(b, "\"anyOf\":[{\"type\":\"number\",\"minimum\":%g,"
		    "\"maximum\":%g},{\"type\":\"string\",\"pattern\":"
		    "\"^\\\\s*[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)"
		    "([eE][-+]?[0-9]+)?$\"}]", k->lo, k->hi);
		break;
	case SF_PATTERN:
		buf_puts(b, "\"type\":\"string\",\"pattern\":");
		put_string(b, k->pattern);
		break;
	case SF_WORD:
		put_words(b, k->words);
		break;
	case SF_WORDS:
		buf_puts(b, "\"anyOf\":[{");
		put_words(b, k->words);
		buf_puts(b, "},{\"type\":\"array\",\"items\":{");
		put_words(b, k->words);
		buf_puts(b, "}}]");
		break;
	case SF_TEXTS:
		open_list(b);
		put_ref(b, DEF_TEXT, used);
		buf_puts(b, "}]");
		break;
	case SF_TEXT_OR_TEXTS:
		buf_puts(b, "\"anyOf\":[");
		put_ref(b, DEF_TEXT, used);
		buf_puts(b, ",{\"type\":\"array\",\"minItems\":1,\"items\":");
		put_ref(b, DEF_TEXT, used);
		buf_puts(b, "}]");
		break;
	case SF_MAP:
		put_map(b, k->map, used);
		break;
	case SF_LIST:
		open_list(b);
		buf_puts(b, "{");
		put_map(b, k->list, used);
		buf_puts(b, "}}]");
		break;
	case SF_MAP_OR_LIST:
		buf_puts(b, "\"anyOf\":[{");
		put_map(b, k->map, used);
		buf_puts(b, "},{\"type\":\"array\",\"items\":{");
		put_map(b, k->list, used);
		buf_puts(b, "}}]");
		break;
	case SF_LIST_OR_TEXT:
		open_list(b);
		buf_puts(b, "{\"anyOf\":[");
		put_ref(b, DEF_TEXT, used);
		buf_puts(b, ",{");
		put_map(b, k->list, used);
		buf_puts(b, "}]}}]");
		break;
	}
}

static const struct schema_key *
doc_of(const struct schema_map *m, const char *key)
{
	const struct schema_key *k;

	for (k = m->doc; k->key != NULL; k++)
		if (strcmp(k->key, key) == 0)
			return k;
	return NULL;
}

/* {"required":[key]} */
static void
put_required(struct buf *b, const char *key)
{
	buf_puts(b, "{\"required\":[");
	put_string(b, key);
	buf_puts(b, "]}");
}

/* The keywords of map m, in the loader's order: only its keys. */
static void
put_map(struct buf *b, const struct schema_map *m, unsigned *used)
{
	const struct schema_key *k;
	const char *const *key;

	buf_puts(b, "\"type\":\"object\",\"additionalProperties\":false,"
	    "\"properties\":{");
	for (key = m->keys; *key != NULL; key++) {
		if ((k = doc_of(m, *key)) == NULL)
			continue;	/* schema_check says so */
		put_string(b, *key);
		buf_puts(b, ":{\"description\":");
		put_string(b, k->doc);
		buf_putc(b, ',');
		put_form(b, k, used);
		buf_puts(b, key[1] != NULL ? "}," : "}");
	}
	buf_putc(b, '}');
	if (m->required != NULL)
		join(b, m->required, ",\"required\":[", ",", "]", put_string);
	if (m->one_of != NULL)
		join(b, m->one_of, ",\"anyOf\":[", ",", "]", put_required);
}

/* Compact JSON, indented by two spaces a level. */
static void
pretty(struct buf *out, const char *s)
{
	int	 depth = 0, in_string = 0;

	for (; *s != '\0'; s++) {
		if (in_string) {
			buf_putc(out, *s);
			if (*s == '\\')
				buf_putc(out, *++s);
			else if (*s == '"')
				in_string = 0;
			continue;
		}
		switch (*s) {
		case '"':
			in_string = 1;
			buf_putc(out, *s);
			break;
		case '{': case '[':
			buf_putc(out, *s);
			if (s[1] == (*s == '{' ? '}' : ']'))
				buf_putc(out, *++s);
			else
				buf_printf(out, "\n%*s", 2 * ++depth, "");
			break;
		case '}': case ']':
			buf_printf(out, "\n%*s%c", 2 * --depth, "", *s);
			break;
		case ',':
			buf_printf(out, ",\n%*s", 2 * depth, "");
			break;
		case ':':
			buf_puts(out, ": ");
			break;
		default:
			buf_putc(out, *s);
		}
	}
	buf_putc(out, '\n');
}

int
schema_write(struct buf *b, const char *kind)
{
	const struct kind *k;
	struct buf	 body, all;
	unsigned	 used = 0;
	int		 d, first = 1;

	for (k = kinds; k < kinds + sizeof(kinds) / sizeof(kinds[0]); k++)
		if (strcmp(k->name, kind) == 0)
			break;
	if (k == kinds + sizeof(kinds) / sizeof(kinds[0]))
		return -1;
	buf_init(&body, b->arena);
	put_map(&body, k->map, &used);
	buf_init(&all, b->arena);
	buf_puts(&all, "{\"$schema\":\"http://json-schema.org/draft-07/"
	    "schema#\",\"title\":");
	put_string(&all, k->title);
	buf_puts(&all, ",\"description\":");
	put_string(&all, k->doc);
	buf_printf(&all, ",%s,\"definitions\":{", body.data);
	for (d = 0; d < DEF__MAX; d++) {
		if (!(used & 1u << d))
			continue;
		buf_printf(&all, "%s\"%s\":", first ? "" : ",", defs[d].name);
		put_def(&all, (enum def)d);
		first = 0;
	}
	buf_puts(&all, "}}");
	pretty(b, all.data);
	return 0;
}

int
schema_main(const char *kind)
{
	struct arena	 a;
	struct buf	 b;
	int		 rc = 0;

	arena_init(&a);
	buf_init(&b, &a);
	if (schema_write(&b, kind) == -1)
		rc = -1;
	else if (fwrite(b.data, 1, b.len, stdout) != b.len ||
	    fflush(stdout) != 0)
		rc = 2;
	arena_fini(&a);
	return rc;
}

/* --- The check ------------------------------------------------------ */

static int
has(const char *const *keys, const char *key)
{
	for (; *keys != NULL; keys++)
		if (strcmp(*keys, key) == 0)
			return 1;
	return 0;
}

static int
check_names(struct buf *why, const struct schema_map *m,
    const char *const *names, const char *as)
{
	int	 n = 0;

	for (; names != NULL && *names != NULL; names++)
		if (!has(m->keys, *names)) {
			buf_printf(why, "%s: %s \"%s\" is not a key of the "
			    "loader\n", m->what, as, *names);
			n++;
		}
	return n;
}

int
schema_check_map(struct buf *why, const struct schema_map *m)
{
	const struct schema_key *k;
	const char *const *key;
	int	 n = 0;

	for (key = m->keys; *key != NULL; key++)
		if ((k = doc_of(m, *key)) == NULL || k->doc == NULL ||
		    k->doc[0] == '\0') {
			buf_printf(why, "%s: the loader's key \"%s\" has no "
			    "description\n", m->what, *key);
			n++;
		}
	for (k = m->doc; k->key != NULL; k++) {
		if (!has(m->keys, k->key)) {
			buf_printf(why, "%s: \"%s\" is described but is not "
			    "a key of the loader\n", m->what, k->key);
			n++;
		}
		if (k->map != NULL)
			n += schema_check_map(why, k->map);
		if (k->list != NULL)
			n += schema_check_map(why, k->list);
	}
	n += check_names(why, m, m->required, "the required key");
	n += check_names(why, m, m->one_of, "the key");
	return n;
}

int
schema_check(struct buf *why)
{
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		n += schema_check_map(why, kinds[i].map);
	return n;
}
