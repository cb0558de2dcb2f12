"""The help pages in English (``--lang en`` or ``KVALEVAL_LANG=en``), keyed by the Danish text.

The commands' help texts are written in Danish where they are declared; a help page in an
English run swaps each for its translation here while it is drawn. A text missing here is
shown in Danish (a test checks that none is missing).
"""

from __future__ import annotations

# The arguments' names (declared in Danish, as the usage line and the Danish docs write them).
ARGUMENTS_EN: dict[str, str] = {"KORPUS": "CORPUS", "KODEBOG": "CODEBOOK", "KODNINGER": "CODINGS"}

HELP_EN: dict[str, str] = {
    "Kodning og syntese af kvalitativt evalueringsmateriale (dansk først, offline).":
        "Coding and synthesis of qualitative evaluation material (Danish first, offline).",
    "Sprog i fejl, advarsler, statuslinjer og bilaget: da (dansk, standard) eller en (engelsk). "
    "Uden --lang gælder KVALEVAL_LANG.":
        "Language of errors, warnings, status lines and the appendix: da (Danish, the default) or en "
        "(English). Without --lang, KVALEVAL_LANG decides.",
    # agreement
    "Enighed mellem kodere pr. tema og samlet (κ, α med interval) og listen over uenigheder.":
        "Agreement between coders per theme and overall (κ, α with interval) and the list of disagreements.",
    "Udfyldte kodeark (.xlsx), kodnings-CSV'er eller REFI-QDA-projekter (.qdpx).": (
        "Filled-in coding sheets (.xlsx), coding CSVs or REFI-QDA projects (.qdpx)."),
    "Korpusset: alle respondentture er enheder, og id'er kontrolleres.":
        "The corpus: every respondent turn is a unit, and ids are checked.",
    "Kodebog: koder kontrolleres.": "Codebook: codes are checked.",
    "Sammenlign også med regelkoderen ('rules').": "Compare with the rule coder ('rules') too.",
    "Kun dokumenter, som alle kodere har kodet i.": "Only documents every coder has coded in.",
    "Resultat (.xlsx).": "Result (.xlsx).",
    "Bootstrap-gentagelser for α's interval.": "Bootstrap repetitions for α's interval.",
    "Pseudonymisér tekst (standard).": "Pseudonymise text (the default).",
    "Ingen statuslinjer.": "No status lines.",
    # check
    "Tjek kodebogen: eksempler skal kodes, modeksempler må ikke; ubrugte og fejlslående termer.":
        "Check the codebook: examples must be coded, counterexamples must not; unused and misfiring terms.",
    "Kodebogen (YAML eller .qdc).": "The codebook (YAML or .qdc).",
    "Korpus: vis termer, der aldrig rammer.": "Corpus: show terms that never match.",
    "Guldkodning (csv/xlsx): vis termer bag falske positiver.":
        "Gold coding (csv/xlsx): show the terms behind false positives.",
    "Antal termer pr. tema i listerne.": "Number of terms per theme in the lists.",
    # code
    "Kod et korpus og skriv bilaget: appendix.xlsx, csv/, bilag.md, figurer/ og lokalt/projekt.qdpx.":
        "Code a corpus and write the appendix: appendix.xlsx, csv/, bilag.md, figurer/ and lokalt/projekt.qdpx.",
    "Mappen med transskriptioner (og evt. metadata.csv).": "The folder of transcripts (and metadata.csv, if any).",
    "Kodebog (YAML eller .qdc).": "Codebook (YAML or .qdc).",
    "Mappe til bilaget.": "Folder for the appendix.",
    "Konklusioner (YAML). Uden --conclusions og --targets bruges de konklusioner og indikatorer, der "
    "ligger ved kodebogen.":
        "Conclusions (YAML). Without --conclusions and --targets, the conclusions and indicators beside the "
        "codebook are used.",
    "Indikatorer for målopfyldelse (csv/xlsx/docx).": "Indicators of target fulfilment (csv/xlsx/docx).",
    "Pseudonymisér citater og tekst (standard).": "Pseudonymise quotes and text (the default).",
    "Skriv også REFI-QDA-projektet lokalt/projekt.qdpx til NVivo, ATLAS.ti, MAXQDA og QualCoder "
    "(standard; ikke pseudonymiseret).":
        "Also write the REFI-QDA project lokalt/projekt.qdpx for NVivo, ATLAS.ti, MAXQDA and QualCoder "
        "(the default; not pseudonymised).",
    "Vis antal under k som '< k'.": "Show counts below k as '< k'.",
    "Gruppér tabellerne efter denne kolonne (en egenskab fra metadata.csv eller en baggrundsvariabel i et "
    "spørgeskema, fx 'Afdeling'); standard: respondent_group, hvis den findes.":
        "Group the tables by this column (an attribute from metadata.csv or a background variable in a "
        "survey, e.g. 'Afdeling'); default: respondent_group, where there is one.",
    "Modelfil fra 'kvaleval train' (regler + model).": "Model file from 'kvaleval train' (rules + model).",
    "pseudonyms.csv: original,erstatning.": "pseudonyms.csv: original,replacement.",
    "Et ord eller navn, der ikke pseudonymiseres (indsatsens navn, et sted); gentag for flere.":
        "A word or name that is not pseudonymised (the programme's name, a place); repeat for more.",
    "Spørgeskema: kolonnen med respondentens id (ellers findes den ud fra navnet).":
        "Survey: the column of the respondent's id (otherwise found by its name).",
    "Spørgeskema: en kolonne med åbne svar; gentag for flere (ellers findes de ud fra svarene).":
        "Survey: a column of open answers; repeat for more (otherwise found from the answers).",
    "Gem det læste korpus i denne mappe og genbrug det, når ingen fil er ændret (kod igen efter en rettelse "
    "i kodebogen uden at læse igen). Mappen får transskriptionernes tekst.":
        "Keep the corpus as read in this folder and reuse it while no file has changed (code again after a "
        "codebook edit without reading again). The folder holds the transcripts' text.",
    # evaluate
    "Kod korpusset med regler og mål mod en guld-kodning: præcision, genkaldelse, F1, κ.":
        "Code the corpus with the rules and measure against a gold coding: precision, recall, F1, κ.",
    "Guld-kodning (CSV eller udfyldt kodeark); flere --gold er én standard (fx en CSV og et udfyldt review-ark).":
        "Gold coding (CSV or filled-in coding sheet); several --gold are one standard (e.g. a CSV and a "
        "filled-in review sheet).",
    "Mål kun i de dokumenter, guld-CSV'en har kodninger i (guld på et udsnit).":
        "Measure only in the documents the gold CSV has codings in (gold on a sample).",
    "En håndkodet prøve af korpusset (guld-CSV eller udfyldt kodeark): alle tærskler ganges med den faktor, der "
    "passer bedst til den (kv.calibrate).":
        "A hand-coded sample of the corpus (gold CSV or a filled coding sheet): every threshold is multiplied by "
        "the factor that fits it best (kv.calibrate).",
    "Find også den faktor på alle tærskler, der passer bedst til guld-kodningen (koder korpusset syv gange; "
    "kv.calibrate).":
        "Also find the factor on every threshold that fits the gold coding best (codes the corpus seven times; "
        "kv.calibrate).",
    # export-qdpx
    "Eksportér korpus og kodning som REFI-QDA-projekt (.qdpx).\n\nProjektet åbnes i NVivo, ATLAS.ti, MAXQDA "
    "og QualCoder. Kildeteksterne er\nikke pseudonymiseret: projektet indeholder personoplysninger.":
        "Export corpus and coding as a REFI-QDA project (.qdpx).\n\nThe project opens in NVivo, ATLAS.ti, MAXQDA "
        "and QualCoder. The source texts are not pseudonymised: the project holds personal data.",
    "Korpusmappen (eller én fil).": "The corpus folder (or one file).",
    "Projektfilen (standard: out/<korpusnavn>.qdpx).": "The project file (default: out/<corpus name>.qdpx).",
    # train, review
    "Træn en modelkoder på menneskelige kodninger (stablet på reglerne) og gem den som JSON.":
        "Train a model coder on human codings (stacked on the rules) and save it as JSON.",
    "Korpusset, som guldkodningen hører til.": "The corpus the gold coding belongs to.",
    "Menneskelige kodninger (csv/xlsx-kodeark); flere --gold lægges sammen (fx guld.csv og et udfyldt "
    "review-ark).":
        "Human codings (csv/xlsx coding sheets); several --gold are added together (e.g. guld.csv and a "
        "filled-in review sheet).",
    "Modelfil (JSON, ingen pickles).": "Model file (JSON, no pickles).",
    "Find de segmenter, hvor en menneskelig kodning hjælper modellen mest, og skriv dem som kodeark.":
        "Find the segments where a human coding helps the model most, and write them as a coding sheet.",
    "Korpusset.": "The corpus.",
    "Modelfil fra 'kvaleval train'.": "Model file from 'kvaleval train'.",
    "Antal segmenter.": "Number of segments.",
    "Kodeark til de næste segmenter.": "Coding sheet for the next segments.",
    # sheet
    "Skriv et kodeark til en koder: én række pr. respondenttur, én kolonne pr. tema.":
        "Write a coding sheet for a coder: one row per respondent turn, one column per theme.",
    "Kodearket (.xlsx).": "The coding sheet (.xlsx).",
    "Vis regelkoderens forslag i grå kolonner.": "Show the rule coder's suggestions in grey columns.",
    "Koderens navn (skrives i arket).": "The coder's name (written in the sheet).",
    "Kun dokumenter hvis id passer (fx 'interviews/borger0*'); kan gentages.":
        "Only documents whose id matches (e.g. 'interviews/borger0*'); may be repeated.",
    "Pseudonymisér tekst og talere (standard).": "Pseudonymise text and speakers (the default).",
    "Overskriv et udfyldt kodeark med samme navn.": "Overwrite a filled-in coding sheet of the same name.",
}
"""English help text by Danish help text."""

PAGE_EN = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "REQUIRED_LONG_STRING": "[required]",
    "DEFAULT_STRING": "[default: {}]",
}
"""The help page's own words (Typer's ``rich_utils`` settings) in English."""
HELP_OPTION_EN = "Show this message and exit."
USAGE_EN = "Usage: "
USAGE_WORDS_EN = {"[OPTIONS]": "[OPTIONS]", "COMMAND [ARGS]...": "COMMAND [ARGS]..."}
