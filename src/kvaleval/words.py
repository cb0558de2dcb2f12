"""The words of the appendix, in Danish (the default) and English.

``Words`` holds the Danish text and ``_WordsEnglish`` the English under the same names, as
:mod:`kvaleval.errors` does for messages; the language is the messages' language
(:func:`kvaleval.errors.set_language`, ``KVALEVAL_LANG``, ``kvaleval --lang en``), and
``kv.write_appendix(..., language="en")`` chooses it for one appendix. Only kvaleval's own words
change: codes, themes, groups, attribute values, valences and the coder's reasons stay as the
codebook, the corpus and the coder wrote them; file names and the API tables' CSV columns stay the same,
so scripts that read ``csv/kodninger.csv`` work with either language.
"""

from __future__ import annotations

from kvaleval.errors import _CodedMessages, get_language, register_english


class Words(metaclass=_CodedMessages):
    """The appendix's own words in Danish; the English are in ``_WordsEnglish``."""

    # sheets: name (at most 31 characters) and title
    overview = "Oversigt"
    overview_title = "Temaer pr. gruppe: respondenter (n/N) og segmenter"
    frequencies = "Frekvenser"
    frequencies_title = "Temaer pr. attribut og valens"
    conclusions = "Konklusioner"
    conclusions_title = "Evidens pr. konklusion og gruppe"
    conclusion_quotes = "Konklusionscitater"
    conclusion_quotes_title = "Citater pr. konklusion"
    quotes = "Citater"
    quotes_title = "Citater pr. tema"
    cooccurrence = "Samforekomst"
    cooccurrence_title = "Respondenter, der udtrykker begge temaer"
    matrix = "Matrix"
    matrix_title = "Rammematrix: respondent × tema (bedste citat)"
    targets = "Målopfyldelse"
    targets_title = "Målopfyldelse pr. indikator"
    codings = "Kodninger"
    codings_title = "Alle kodninger"
    segments = "Segmenter"
    segments_title = "Alle segmenter (taleture)"
    sources = "Kilder"
    sources_title = "Kilder: navnet i citaternes kildeangivelse og dokumentet bag (id pseudonymiseret)"
    codebook = "Kodebog"
    codebook_title = "Kodebog: {name}"
    run = "Kørsel"
    run_title = "Kørselsoplysninger (manifest)"
    # notes under the tables
    note_supported = ("Understøttet: mindst så mange respondenter som konklusionens minimum ({minimum}), i hver "
                      "række for sig: en gruppe med færre respondenter end minimum er »nej«, også når de alle "
                      "siger det.")
    note_where = "Kun respondenter med: {limits}."
    note_match_all = "Hver af temaerne hos samme respondent (match: all): {ids}."
    personal_value = "navne eller kontaktdata, fx '{example}' efter pseudonymisering"
    note_conclusion_quotes = "Citater er ordrette uddrag (»...«); [...] markerer udeladelser, navne er pseudonymiseret."
    note_conclusion_quotes_plain = ("Citater er ordrette uddrag (»...«); [...] markerer udeladelser. IKKE "
                                    "pseudonymiseret: navnene står, som de blev sagt.")
    note_quotes = ("Ordrette uddrag; [...] markerer udeladelser; navne og kontaktdata er pseudonymiseret. "
                   "Start/Slut er tegnpositioner i dokumentets tekst.")
    note_quotes_plain = ("Ordrette uddrag; [...] markerer udeladelser. IKKE pseudonymiseret: navne og kontaktdata "
                         "står, som de blev sagt. Start/Slut er tegnpositioner i dokumentets tekst.")
    note_cooccurrence = "Diagonalen er antal respondenter med temaet. Segmentniveau: se samforekomst.csv."
    note_targets = ("Opfyldt: {met} af {indicators} indikatorer ({share} % vægtet). "
                    "Gennemsnitlig opfyldelse: {mean}.")
    of_target = "{percent} % af målet"
    note_method = ("Materiale og metode: {documents} dokumenter (interviews og andre tekster: {interviews}, "
                   "spørgeskemaer: {surveys}), {segments} respondentsegmenter. Hver taletur i et interview og hvert "
                   "svar på et åbent spørgsmål er et segment; segmenterne er kodet med kodebogen »{codebook}« "
                   "({codes} temaer). En automatisk kodning bør afprøves mod en menneskelig kodning "
                   "(kvaleval evaluate), før tallene bruges. Filer, versioner og indstillinger står i arket Kørsel.")
    note_mixed = ("Et segment med valensen blandet tæller som støtte både for en positiv og en negativ konklusion. "
                  "Nævner en konklusion flere temaer, er ét af dem nok, medmindre andet er nævnt nedenfor.")
    note_unit = ("Enhed: respondenter (n/N = respondenter, der har udtrykt temaet / respondenter i gruppen) og "
                 "kodede segmenter (taleture). En respondent er en taler i et interview eller personen bag en "
                 "besvarelse i et spørgeskema; interviewerens ture tælles ikke.")
    note_totals = "N = {totals} respondenter."
    note_coders = "Kodet af: {coders}. Et segment tælles én gang pr. tema, uanset antal kodere."
    coder_rules = "kvalevals regelkoder (automatisk, 'rules')"
    coder_model = "kvalevals modelkoder (automatisk, lært af menneskelige kodninger, 'model')"
    note_first_rows = "Kun de første {n} rækker vises; den fulde tabel er i CSV-filen."
    # the overview's columns: "Borger: respondenter (n/N)"
    theme = "Tema"
    everyone = "Alle"
    column_respondents = "{group}: respondenter (n/N)"
    column_percent = "{group}: %"
    column_segments = "{group}: segmenter"
    # values kvaleval writes into cells
    hidden = "skjult"
    higher = "højere"
    lower = "lavere"
    quoted = "»{quote}«"
    yes = "ja"
    no = "nej"
    all_groups = "(alle)"
    macro_row = "(makro)"
    unknown_group = "(ukendt)"
    support = "støtte"
    counter = "modsigelse"
    answer_to = "(svar på »{question}«)"
    survey_respondent = "spørgeskema, respondent {speaker}"
    survey = "spørgeskema"
    participant = "deltager {n}"
    # the codebook sheet
    code = "Kode"
    parent = "Overkode"
    definition = "Definition"
    include = "Inkluder"
    exclude = "Ekskluder"
    examples = "Eksempler"
    terms = "Termer"
    threshold = "Tærskel"
    # the run sheet (manifest)
    field = "Felt"
    value = "Værdi"
    warning_upper = "ADVARSEL"
    code_sha = "kvaleval kode sha256"
    date = "dato"
    corpus = "korpus"
    corpus_sha = "korpus sha256"
    documents_read = "dokumenter læst"
    segment_count = "segmenter"
    codebook_field = "kodebog"
    codebook_sha = "kodebog sha256"
    method = "metode"
    options = "valgmuligheder"
    pseudonymised = "pseudonymiseret"
    not_pseudonymised = "NEJ"
    small_cells = "små tal skjult"
    small_cells_below = "ja: under {k} vises som < {k}"
    conclusion_count = "konklusioner"
    target_count = "mål/indikatorer"
    file = "fil "
    skipped = "sprunget over: "
    note = "note: "
    warning = "advarsel"
    conclusions_file = "konklusioner"
    targets_file = "indikatorer"
    # bilag.md
    document_title = "# Bilag"
    document_intro = "Udarbejdet med kvaleval. Citater er ordrette og pseudonymiserede."
    document_intro_plain = ("Udarbejdet med kvaleval. Citater er ordrette og IKKE pseudonymiserede: bilaget "
                            "indeholder personoplysninger.")
    corpus_line = "Korpus: {n} dokumenter læst"
    corpus_skipped = "; {n} fil(er) sprunget over og ikke talt med: {files} (hvorfor: se arket {sheet})"
    first_rows = "De første {n} af {total} rækker; alle står i appendix.xlsx (arket {sheet}) og i csv/."
    # charts
    chart_shares = "Andel af respondenter, der udtrykker temaet"
    chart_shares_axis = "Procent af respondenter"
    chart_most_frequent = "(de {shown} hyppigste af {total} temaer; alle i tabellerne)"
    chart_cooccurrence = "Samforekomst af temaer (respondenter)"
    chart_support = "Støtte til konklusionerne (respondenter)"
    chart_total = "Respondenter i alt"
    chart_supporting = "Støtter"
    chart_minimum = "Minimum"
    chart_respondents = "Respondenter"
    # the private folder
    # the workbooks of `evaluate` and `agreement`
    evaluation = "Evaluering"
    evaluation_title = "Regelkoderen mod {gold}"
    confusions = "Forvekslinger"
    confusions_title = "Falske positiver, oversete og anden valens end guld"
    note_evaluation_units = (
        "Enheder: alle respondentture (er guld et kodeark: arkets ture). Præcision: andel af "
        "kodningerne, som guld også har; genkaldelse: andel af guld-kodningerne, som blev fundet; "
        "F1: deres harmoniske gennemsnit.")
    note_evaluation_kappa = (
        "κ korrigerer for tilfældig enighed (0,61–0,80 regnes som 'betydelig', over 0,80 som næsten perfekt, "
        "Landis & Koch). Valens-enighed: andel af "
        "de rigtige kodninger med samme valens som guld. (makro): gennemsnit over temaer.")
    false_positive = "falsk positiv"
    miss = "overset"
    other_valence = "anden valens"
    agreement = "Enighed"
    agreement_title = "Enighed mellem kodere"
    disagreements = "Uenigheder"
    disagreements_title = "Uenigheder til afstemningsmøde"
    note_agreement_measures = (
        "Enighed: andel enheder (segment × tema), hvor koderne er enige. κ (to kodere) og α "
        "korrigerer for tilfældig enighed: 1 = perfekt, 0 = som tilfældigt; α ≥ 0,80 regnes som "
        "pålideligt, 0,67–0,80 som foreløbigt (Krippendorff), κ 0,61–0,80 som 'betydelig' "
        "(Landis & Koch).")
    note_agreement_interval = ("Intervallet for α er et 95 %-bootstrapinterval over segmenter. Tomme felter: "
                               "udefineret (se Note).")
    disagreement_code = "kode"
    disagreement_valence = "valens"
    # the rich display of Corpus, Codebook and Coded in Jupyter
    html_corpus = "<b>Korpus</b> {root}: {documents} dokumenter, {segments} segmenter, {skipped} sprunget over."
    html_codebook = "Kodebog"
    html_codebook_columns = "Kode|Tema|Definition|Termer|Tærskel"  # only strings are translated
    html_coded = ("<b>Kodet</b>: {documents} dokumenter, {segments} segmenter, {codings} kodninger "
                  "(kodebog {codebook}).")
    private_note = (
        "Denne mappe er ikke en del af bilaget.\n"
        "pseudonymisering.csv viser, hvad der blev erstattet hvor, med de oprindelige navne, numre og adresser.\n"
        "Den indeholder personoplysninger: opbevar den som de rå transskriptioner, og del den ikke.\n"
        "projekt.qdpx er REFI-QDA-projektet til NVivo, ATLAS.ti, MAXQDA og QualCoder: transskriptionerne,\n"
        "som de blev læst (ikke pseudonymiseret), med kodebogen og alle kodninger. Del det kun med dem,\n"
        "der må se transskriptionerne.\n"
    )


class _WordsEnglish:
    overview = "Overview"
    overview_title = "Themes by group: respondents (n/N) and segments"
    frequencies = "Frequencies"
    frequencies_title = "Themes by attribute and valence"
    conclusions = "Conclusions"
    conclusions_title = "Evidence per conclusion and group"
    conclusion_quotes = "Conclusion quotes"
    conclusion_quotes_title = "Quotes per conclusion"
    quotes = "Quotes"
    quotes_title = "Quotes per theme"
    cooccurrence = "Co-occurrence"
    cooccurrence_title = "Respondents who express both themes"
    matrix = "Framework"
    matrix_title = "Framework matrix: respondent × theme (best quote)"
    targets = "Targets"
    targets_title = "Target attainment per indicator"
    codings = "Codings"
    codings_title = "All codings"
    segments = "Segments"
    segments_title = "All segments (turns)"
    sources = "Sources"
    sources_title = "Sources: the name in the quotes' attributions and the document behind it (id pseudonymised)"
    codebook = "Codebook"
    codebook_title = "Codebook: {name}"
    run = "Run"
    run_title = "Run information (manifest)"
    note_supported = ("Supported: at least as many respondents as the conclusion's minimum ({minimum}), judged "
                      "row by row: a group with fewer respondents than the minimum is “no”, even when all of "
                      "them say it.")
    note_where = "Only respondents with: {limits}."
    note_match_all = "Every one of the themes from the same respondent (match: all): {ids}."
    personal_value = "names or contact data, e.g. '{example}' after pseudonymisation"
    note_conclusion_quotes = "Quotes are verbatim excerpts (“...”); [...] marks omissions; names are pseudonymised."
    note_conclusion_quotes_plain = ("Quotes are verbatim excerpts (“...”); [...] marks omissions. NOT pseudonymised: "
                                    "names stand as they were said.")
    note_quotes = ("Verbatim excerpts; [...] marks omissions; names and contact details are pseudonymised. "
                   "Start/End are character positions in the document's text.")
    note_quotes_plain = ("Verbatim excerpts; [...] marks omissions. NOT pseudonymised: names and contact details "
                         "stand as they were said. Start/End are character positions in the document's text.")
    note_cooccurrence = ("The diagonal is the number of respondents with the theme. Segment level: see "
                         "samforekomst.csv.")
    note_targets = "Met: {met} of {indicators} indicators ({share}% weighted). Mean attainment: {mean}."
    of_target = "{percent}% of the target"
    note_method = ("Material and method: {documents} documents (interviews and other texts: {interviews}, "
                   "surveys: {surveys}), {segments} respondent segments. Each turn in an interview and each answer "
                   "to an open question is a segment; the segments are coded with the codebook “{codebook}” "
                   "({codes} themes). An automatic coding should be tested against a human coding "
                   "(kvaleval evaluate) before the numbers are used. Files, versions and options are in the sheet Run.")
    note_mixed = ("A segment of valence mixed counts as support for a positive and for a negative conclusion alike. "
                  "Where a conclusion names several themes, one of them is enough unless said below.")
    note_unit = ("Unit: respondents (n/N = respondents who expressed the theme / respondents in the group) and "
                 "coded segments (turns). A respondent is a speaker in an interview or the person behind an "
                 "answer to a questionnaire; the interviewer's turns are not counted.")
    note_totals = "N = {totals} respondents."
    note_coders = "Coded by: {coders}. A segment counts once per theme, however many coders coded it."
    coder_rules = "kvaleval's rule coder (automatic, 'rules')"
    coder_model = "kvaleval's model coder (automatic, learnt from human codings, 'model')"
    note_first_rows = "Only the first {n} rows are shown; the full table is in the CSV file."
    theme = "Theme"
    everyone = "All"
    column_respondents = "{group}: respondents (n/N)"
    column_percent = "{group}: %"
    column_segments = "{group}: segments"
    hidden = "hidden"
    higher = "higher"
    lower = "lower"
    quoted = "“{quote}”"
    yes = "yes"
    no = "no"
    all_groups = "(all)"
    macro_row = "(macro)"
    unknown_group = "(unknown)"
    support = "support"
    counter = "counter"
    answer_to = "(answer to “{question}”)"
    survey_respondent = "questionnaire, respondent {speaker}"
    survey = "questionnaire"
    participant = "participant {n}"
    code = "Code"
    parent = "Parent code"
    definition = "Definition"
    include = "Include"
    exclude = "Exclude"
    examples = "Examples"
    terms = "Terms"
    threshold = "Threshold"
    field = "Field"
    value = "Value"
    warning_upper = "WARNING"
    code_sha = "kvaleval code sha256"
    date = "date"
    corpus = "corpus"
    corpus_sha = "corpus sha256"
    documents_read = "documents read"
    segment_count = "segments"
    codebook_field = "codebook"
    codebook_sha = "codebook sha256"
    method = "method"
    options = "options"
    pseudonymised = "pseudonymised"
    not_pseudonymised = "NO"
    small_cells = "small numbers hidden"
    small_cells_below = "yes: below {k} shown as < {k}"
    conclusion_count = "conclusions"
    target_count = "targets/indicators"
    file = "file "
    skipped = "skipped: "
    note = "note: "
    warning = "warning"
    conclusions_file = "conclusions"
    targets_file = "indicators"
    document_title = "# Appendix"
    document_intro = "Made with kvaleval. Quotes are verbatim and pseudonymised."
    document_intro_plain = ("Made with kvaleval. Quotes are verbatim and NOT pseudonymised: the appendix holds "
                            "personal data.")
    corpus_line = "Corpus: {n} documents read"
    corpus_skipped = "; {n} file(s) skipped and not counted: {files} (why: see the sheet {sheet})"
    first_rows = "The first {n} of {total} rows; all are in appendix.xlsx (the sheet {sheet}) and in csv/."
    chart_shares = "Share of respondents who express the theme"
    chart_shares_axis = "Percent of respondents"
    chart_most_frequent = "(the {shown} most frequent of {total} themes; all in the tables)"
    chart_cooccurrence = "Co-occurrence of themes (respondents)"
    chart_support = "Support for the conclusions (respondents)"
    chart_total = "Total respondents"
    chart_supporting = "Supporting"
    chart_minimum = "Minimum"
    chart_respondents = "Respondents"
    evaluation = "Evaluation"
    evaluation_title = "The rule coder against {gold}"
    confusions = "Confusions"
    confusions_title = "False positives, misses and another valence than the gold"
    note_evaluation_units = (
        "Units: all respondent turns (for a gold coding sheet: the sheet's turns). Precision: share of "
        "the codings the gold also has; recall: share of the gold codings that were found; "
        "F1: their harmonic mean.")
    note_evaluation_kappa = (
        "κ corrects for chance agreement (0.61–0.80 counts as 'substantial', above 0.80 as almost perfect, "
        "Landis & Koch). Valence agreement: share of "
        "the correct codings with the gold's valence. (macro): mean over themes.")
    false_positive = "false positive"
    miss = "miss"
    other_valence = "other valence"
    agreement = "Agreement"
    agreement_title = "Agreement between coders"
    disagreements = "Disagreements"
    disagreements_title = "Disagreements for a consensus meeting"
    note_agreement_measures = (
        "Agreement: share of units (segment × theme) on which the coders agree. κ (two coders) and α "
        "correct for chance agreement: 1 = perfect, 0 = as by chance; α ≥ 0.80 counts as "
        "reliable, 0.67–0.80 as tentative (Krippendorff), κ 0.61–0.80 as 'substantial' "
        "(Landis & Koch).")
    note_agreement_interval = ("The interval of α is a 95 % bootstrap interval over segments. Empty cells: "
                               "undefined (see Note).")
    disagreement_code = "code"
    disagreement_valence = "valence"
    html_corpus = "<b>Corpus</b> {root}: {documents} documents, {segments} segments, {skipped} skipped."
    html_codebook = "Codebook"
    html_codebook_columns = "Code|Theme|Definition|Terms|Threshold"
    html_coded = ("<b>Coded</b>: {documents} documents, {segments} segments, {codings} codings "
                  "(codebook {codebook}).")
    private_note = (
        "This folder is not part of the appendix.\n"
        "pseudonymisering.csv shows what was replaced where, with the original names, numbers and addresses.\n"
        "It holds personal data: keep it as you keep the raw transcripts, and do not share it.\n"
        "projekt.qdpx is the REFI-QDA project for NVivo, ATLAS.ti, MAXQDA and QualCoder: the transcripts\n"
        "as read (not pseudonymised), with the codebook and every coding. Share it only with those who\n"
        "may read the transcripts.\n"
    )


register_english(Words, _WordsEnglish)


def number(value: float, digits: int = 1) -> str:
    """A number as the appendix writes it: ``62,5`` in Danish, ``62.5`` in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if get_language() == "da" else text


def whole(value: int) -> str:
    """A whole number with thousands marked: ``1.000`` in Danish, ``1,000`` in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if get_language() == "da" else text


def yes_no(flag: bool) -> str:
    """``ja``/``nej`` (``yes``/``no``)."""
    return Words.yes if flag else Words.no
