"""The catalogue of kvaleval's errors and warnings, and its exception classes.

Every message says what happened (file, line, field where there is one) and what
to do next. Codes are never reused. Ranges by area, so parts built at different
times do not collide:

====== ==========================================
range  area
====== ==========================================
0xx    reading sources, corpus, metadata
1xx    segmenting (speaker turns)
2xx    codebook and conclusions
3xx    rule coder, coded result
4xx    analysis tables and evidence
5xx    report writing (xlsx, csv, md, charts)
6xx    REFI-QDA exchange (qdpx, qdc)
7xx    personal data (pseudonymisation)
8xx    human coding sheets, agreement, model coder
9xx    command line and settings
====== ==========================================

Languages
---------
Messages are in Danish by default and in English on request. ``Errors``,
``Warnings`` and ``Texts`` (the words kvaleval puts *into* messages, such as
"line 3, column 'code'") hold the Danish text; ``_ErrorsEnglish``,
``_WarningsEnglish`` and ``_TextsEnglish`` hold the English text under the same
names, with the same ``{placeholders}``. Reading ``Errors.E001`` returns the text
in the current language, prefixed with its code ("[E001] ...").

The language is, in this order:

1. the one given to :func:`set_language` (``"da"`` or ``"en"``);
2. else ``KVALEVAL_LANG`` in the environment (``en`` for English; ``da``, unset
   or any other value for Danish);
3. else Danish.

On the command line: ``kvaleval --lang en code ...`` (or ``KVALEVAL_LANG=en``).
The appendix is written in the same language (its words are in :mod:`kvaleval.words`);
``kv.write_appendix(..., language="en")`` chooses it for one appendix (:func:`using_language`).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import types
import warnings
from collections.abc import Iterator, Sequence

LANGUAGES = ("da", "en")
"""The languages messages are written in: Danish (the default) and English."""

_language: str | None = None


def set_language(language: str | None) -> None:
    """Choose the language of kvaleval's error and warning messages.

    Parameters
    ----------
    language : str or None
        ``"da"`` (Danish, the default) or ``"en"`` (English), in any case.
        ``None`` forgets the choice, so ``KVALEVAL_LANG`` decides again.

    Raises
    ------
    ValueError
        E901 for any other value.

    Examples
    --------
    >>> from kvaleval.errors import Errors, set_language
    >>> set_language("en")
    >>> Errors.E201.format(path="kodebog.yaml", hint="")
    '[E201] Codebook not found: kodebog.yaml.'
    >>> set_language("da")
    >>> Errors.E201.format(path="kodebog.yaml", hint="")
    '[E201] Kodebogen findes ikke: kodebog.yaml.'
    """
    global _language
    if language is None:
        _language = None
        return
    chosen = str(language).strip().lower()
    if chosen not in LANGUAGES:
        raise ValueError(Errors.E901.format(language=language))
    _language = chosen


@contextlib.contextmanager
def using_language(language: str | None) -> Iterator[None]:
    """Messages (and the appendix's words) in ``language`` inside the block, then as before;
    ``None`` keeps the current language."""
    global _language
    before = _language
    if language is not None:
        set_language(language)
    try:
        yield
    finally:
        _language = before


def get_language() -> str:
    """The language messages are written in now: ``"da"`` or ``"en"``."""
    if _language is not None:
        return _language
    return "en" if os.environ.get("KVALEVAL_LANG", "").strip().lower() == "en" else "da"


class _CodedMessages(type):
    """Messages in the current language; codes prefixed to theirs, as spaCy's catalogue does."""

    def __getattribute__(cls, name: str) -> str:
        message = type.__getattribute__(cls, name)
        if name.startswith("_") or not isinstance(message, str):
            return message
        if get_language() == "en":
            message = getattr(_ENGLISH[cls], name)
        if name[:1] in ("E", "W") and name[1:].isdigit():
            return f"[{name}] {message}"
        return message


class Warnings(metaclass=_CodedMessages):
    """Warnings in Danish (the English texts are in ``_WarningsEnglish``)."""

    W001 = "{path} er sprunget over: {reason}"
    W002 = ("{path}: filen har ingen række i metadata.csv; den får ingen egenskaber derfra (et spørgeskemas "
            "egne kolonner bliver stadig egenskaber ved hver respondent).")
    W003 = ("metadata.csv nævner {path}, som ikke ligger i korpusmappen; rækken ignoreres. "
            "Tjek filnavnet i kolonnen 'file'.")
    W004 = ("{path}: læst som {encoding}, hvilket er et gæt; tjek æ, ø og å i segmenttabellen. "
            "Gem filen som UTF-8 for at være sikker.")
    W005 = "metadata.csv har {n} rækker for {path}; den første bruges."
    W006 = ("{path}: {n} celler indeholder formler; deres gemte værdier er læst, og intet er "
            "beregnet.")
    W007 = "{path}: {n} NUL-tegn er fjernet fra teksten."
    W008 = ("{path}: filen blander UTF-8 med en anden tegnkodning; {n} byte(s) er læst som cp1252. "
            "Tjek æ, ø og å i segmenttabellen, og gem filen som UTF-8.")
    W009 = ("en Office-låsefil (dokumentet er åbent i Word, Excel eller LibreOffice), ikke en "
            "transskription; luk dokumentet, og slet låsefilen, hvis den bliver liggende.")
    W010 = ("et link til {target}, uden for korpusmappen; det læses ikke. Kopiér filen ind i "
            "korpusmappen, hvis den hører til korpusset.")
    W011 = ("et link til en mappe; links til mapper følges ikke. Flyt mappen ind i korpusmappen, "
            "hvis den hører til korpusset.")
    W012 = ("et link til {target}, som ikke fører til en fil (den findes ikke, eller links peger i ring); "
            "fjern linket.")
    W013 = "ikke en almindelig fil (men en pipe, socket eller enhed); den læses ikke."
    W014 = ("{path}: {n} formelcelle(r) har ingen gemt værdi (filen er ikke sidst gemt i Excel); "
            "formlen beholdes som tekst, og intet er beregnet.")
    W015 = ("{path}: regnearket har {n} ark; kun '{sheet}', det første med svar under "
            "overskrifterne, er læst. Gem hvert ark med svar som sin egen fil for at få de andre med.")
    W016 = ("{path}: regnearket linker til {n} ekstern(e) fil(er); linkene er ikke fulgt, og kun de "
            "værdier, der er gemt i regnearket, er læst.")
    W017 = ("{path}: teksten før det første talermærke ({excerpt}) læses som indledning, ikke som en "
            "taletur, og kodes ikke. Sæt et talermærke foran, hvis teksten er sagt i interviewet.")
    W018 = "metadata.csv, linje {line}: rækken har intet filnavn i kolonnen 'file'; den ignoreres."
    W019 = ("{path}: ingen kolonne med respondent-id (fx 'respondent_id', 'id' eller 'løbenr'); "
            "rækkenummeret bruges som id. Angiv kolonnen med id_column=... (på kommandolinjen: "
            "--id-column NAVN), hvis der er en.")
    W020 = ("{path}: linjen/linjerne over kolonneoverskrifterne ({excerpt}) læses som en titel, "
            "ikke som svar.")
    W038 = ("metadata læses kun fra metadata.csv; denne fil er hverken læst som metadata eller som et "
            "dokument. Gem arket som CSV (UTF-8) under navnet metadata.csv.")
    W039 = ("{path}: læst som en transskription, ikke som et spørgeskema: kolonnen '{speaker}' er taleren og "
            "'{text}' det sagte ({n} taleture); de andre kolonner ({others}) er tider.")
    W040 = ("{path}: åbne svar fra {n} kolonne(r): {open}; de andre ({attributes}) er baggrundsoplysninger "
            "(egenskaber). Er det forkert, så angiv de åbne kolonner med --text-column.")
    W041 = ("{path}: {n} skjult(e) kolonne(r) ({columns}) er ikke læst – skjult i Excel er ofte internt (en "
            "sagsbehandlers note). Skal de med, så vis dem i Excel og gem filen igen.")
    W050 = ("{path}: {n} skjult(e) række(r) ({rows}) er læst med – en række skjult i Excel (fx filtreret fra) er "
            "stadig et svar. Skal de ikke med, så slet rækkerne i filen.")
    W042 = ("{path}: {n} af PDF'ens {pages} sider har ingen tekst (side {listed}): skannede sider eller billeder; "
            "de er ikke læst. Hører der tale til på dem, så kør tekstgenkendelse (OCR) på filen først.")
    W043 = ("{path}: sidehoved, sidefod og sidetal er fjernet fra PDF'ens sider ({n} linjer, fx {excerpt}); de er "
            "sidens layout, ikke tale. Er noget af det sagt i interviewet, så gem transskriptionen som .docx.")
    W044 = ("{path}: ingen navngivne talere, men talerskift markeret med '>>'; de læses som to talere på skift, "
            "'Taler 1' og 'Taler 2'. Taler flere end to, så skriv navnet efter '>>' (>> Mette: ...).")
    W045 = ("{path}: {parts} i dokumentet læses ikke, da de ikke er tale (fx {excerpt}); de hverken kodes eller "
            "citeres. Er noget af det sagt i interviewet, så flyt det ind i teksten.")
    W046 = ("{path}: det meste af teksten står i {n} tekstboks(e), som når en PDF er gemt som Word; de er læst "
            "efter det afsnit, de er ankret i. Tjek rækkefølgen i segmenttabellen, eller kopiér teksten ud af "
            "tekstboksene.")
    W047 = ("{path}: arkene {sheets} har de samme kolonner og er læst som ét spørgeskema; hvert svars ark står i "
            "kolonnen '{column}'. Andre ark er ikke læst: {others}.")
    W048 = ("{path}: {n} bogstav(er) var gemt to gange om (UTF-8 læst som Windows-tegnsæt og gemt igen: 'Ã¸' for "
            "'ø', 'Ã¦' for 'æ') og er rettet. Tjek æ, ø og å i segmenttabellen, og gem helst udtrækket som UTF-8 "
            "direkte fra spørgeskemaværktøjet.")
    W049 = ("{path}, linje {line}: '{value}' i kolonnen '{column}' er læst som {decimal_read} (komma som "
            "decimaltegn), men kan også være {thousands_read} (komma som tusindtalsskilletegn, som på engelsk); "
            "kolonnens andre tal viser ikke, hvilket der menes. Skriv {thousands_read} eller {thousands}, hvis det "
            "er tusinder, og {decimal_read}, hvis det er et decimaltal.")
    W032 = ("konklusionen '{conclusion}' afgrænser med where: til egenskaben '{attribute}', som korpusset ikke "
            "har, så ingen respondent er med (0/0). Egenskaber i korpusset (fra metadata.csv, en "
            "spørgeskemakolonne eller projektets variable): {attributes}.")
    W033 = ("konklusionen '{conclusion}' afgrænser med where: til {attribute} = {unknown}, som ingen respondent "
            "har. Værdierne i korpusset: {values}. Stavemåden skal passe; store og små bogstaver er lige gode.")
    W021 = ("konklusionen '{conclusion}' nævner gruppe(r) {unknown}, som ingen respondent tilhører, "
            "så de viser 0/0. Grupper i korpusset ('respondent_group' fra metadata.csv, en gruppekolonne "
            "eller projektets variabel): {groups}. "
            "Stavemåden skal passe; store og små bogstaver er lige gode.{near}")
    W022 = ("{path}: kolonnen '{column}' har ingen svar i de første {n} rækker, men fritekst længere "
            "nede, så den er læst som en attribut, ikke som svar. Angiv den med text_columns=[...] "
            "(på kommandolinjen: --text-column) for at læse den som svar.")
    W023 = ("{path}: de {rows} række(r) under kolonneoverskrifterne er også overskrifter "
            "(spørgsmålstekster, variabelnavne eller svarmuligheder, som Qualtrics, SurveyXact, Enalyzer og "
            "SurveyMonkey skriver dem), ikke svar; spørgsmålsteksterne bruges som svarenes spørgsmål.")
    W024 = ("{path}: {n} respondent-id står på mere end én række (fx '{example}'); rækkerne med "
            "samme id tæller som én respondent i alt (men i hver gruppe, rækkerne står i, hvis de har forskellige "
            "baggrundsoplysninger). Er det forskellige personer, så angiv en anden id-kolonne med "
            "id_column=... (på kommandolinjen: --id-column).")
    W027 = ("{path}: {n} række(r) er en tidligere række igen – samme id og samme svar i hver kolonne (en "
            "besvarelse sendt to gange); de læses én gang.")
    W028 = ("et bilag, som kvaleval har skrevet her ({n} filer); det læses ikke som en del af korpusset. "
            "Skriv bilaget uden for korpusmappen (--out), så det ikke ligger mellem transskriptionerne.")
    W029 = ("{path}: kolonnen '{column}' bruges som respondentens gruppe (respondent_group) i tabeller og "
            "konklusioner; den står der også under sit eget navn.")
    W030 = ("{path}: kolonnen/kolonnerne {columns} i transskriptionens tabel er kommentarer, ikke tale: "
            "{n} celle(r) er ikke læst ind i taleturene, så de hverken kodes eller citeres. Skriv det ind i "
            "tekstkolonnen, hvis det er sagt i interviewet.")
    W037 = ("{path}: {n} række(r) har tekst i celler til højre for den sidste kolonneoverskrift; den tekst har "
            "intet spørgsmål og læses ikke. Tjek, om et semikolon eller komma i et svar mangler anførselstegn.")
    W031 = ("{path}: ingen talermærker, men spørgsmålene står med fed eller kursiv; de læses som interviewerens "
            "ture og de almindelige afsnit efter dem som respondentens svar. Sæt mærker (I:, B:), hvis det er forkert.")
    W026 = ("{path}: {n} række(r) med {labels} i id-kolonnen er sum- eller tællerækker, ikke respondenter; "
            "de læses ikke.")
    W025 = ("{path}: kolonnen '{column}' har ingen svar i hele filen, så der er intet at kode i den. "
            "Tjek, at det er den rigtige fil, eller at svarene ikke står i en anden kolonne.")
    # 1xx segmenting
    W101 = ("{path}: intervieweren antages at være {speaker} (stiller flest spørgsmål); skriv intervieweren "
            "i kolonnen 'interviewer' i metadata.csv, hvis det er forkert.")
    W105 = ("{path}: metadata.csv nævner intervieweren {named}, men ingen taler hedder sådan; intervieweren "
            "antages at være {speaker} (stiller flest spørgsmål). Skriv navnet, som det står i talermærket "
            "(fx 'MH'), i kolonnen 'interviewer'.")
    W102 = ("{path}: ingen talermærker fundet, så teksten læses som én respondents tekst i {n} afsnit, men "
            "den stiller {questions} spørgsmål, som så kodes som svar. Er det et interview, så skriv hvem der "
            "taler, fx 'I:' og 'B:' først på linjen (se docs/input-formats.md, 'Talermærker').")
    W103 = ("{path}: ingen talermærker, men replikker med tankestreg; de læses som to talere på skift, "
            "'Taler 1' og 'Taler 2'. Er det forkert (to replikker i træk fra samme person), så skriv hvem der "
            "taler, fx 'I:' og 'B:' først på linjen.")
    W104 = ("{path}: kun intervieweren har talermærker; teksten på linjerne efter hvert spørgsmål læses som "
            "respondentens svar. Sæt et mærke (B:) foran svarene, hvis det er forkert.")
    # 2xx
    W201 = ("{path}: koden '{code}' har hverken termer, nærhedsord (near) eller mønstre; "
            "regelkoderen koder den aldrig.")
    W202 = ("{path}: koden '{code}', nærhedsordet '{word}' er ikke en ordliste, så det matcher kun det ord. "
            "Mente du ordlisten '{lexicon}'? Skriv navnet præcis som under 'lexicons:'.")
    W204 = "{path}: koden '{code}', termerne {terms} {problem}."
    W205 = ("{path}: kodebogen siger language: {language}, men regelkoderen læser dansk: bøjninger, "
            "sammensætninger, nægtelser (ikke, aldrig) og valensord er danske, så tekst på et andet sprog "
            "kodes kun på termerne, som de står, og uden rigtig valens. Kod den med en menneskelig kodning "
            "eller en modelkoder (train).")
    W203 = ("{path}: koden '{code}' er en grupperingskode (codable: false), så dens {what} bruges aldrig; den "
            "tæller sine underkoder. Flyt dem til en underkode, eller fjern 'codable: false'.")
    # 3xx
    W301 = ("Personoplysninger er IKKE pseudonymiseret i dette output (pseudonymise=False). "
            "Del det ikke.")
    # 6xx REFI-QDA exchange
    W601 = "{path}: læst trods afvigelser fra standarden: {items}."
    W602 = ("{path}: {n} bemærkning(er) til importen (omregnede positioner, kilder eller markeringer "
            "sprunget over); se corpus.notes og corpus.skipped.")
    W603 = ("{doc_id}: teksten har CR-linjeskift; den skrives med LF, og positionerne flyttes "
            "tilsvarende.")
    W604 = ("{n} kodning(er) peger ikke på et segment i segmenttabellen (eller på en kode) og "
            "eksporteres ikke, fx {examples}.")
    W605 = ("Koden/koderne {codes} forekommer i kodningerne, men ikke i kodebogen; de skrives som "
            "koder på øverste niveau.")
    W606 = ("{n} henvisning(er) fra memoer, sæt og annotationer til dokumenter eller koder, der ikke er i det "
            "kodede korpus eller kodebogen (eller til en tekst, der er ændret), er udeladt: {names}.")
    W610 = ("{source}: {n} markering(er) ligger (helt eller delvis) uden for teksten på {length} tegn; "
            "de er afkortet eller udeladt: {guids}.")
    W611 = ("{source}: {n} markering(er) begynder eller slutter midt i et tegn (surrogatpar, "
            "kombinerende tegn eller emoji-modifikator): {guids}.")
    W612 = ("{source}: positionerne er læst som {convention} (oprindelse '{origin}'); {share:.0%} af "
            "markeringernes grænser falder på ordgrænser.")
    W613 = ("{source}: tekstfilen '{member}' findes ikke i arkivet; kilden og dens {n} kodning(er) "
            "springes over.")
    W614 = ("{source}: tekstfilen er tom; teksten er hentet fra Word-filen '{member}'. Tjek, at "
            "kodningerne dækker de rigtige ord.")
    W615 = ("{source}: {kind}-kilder læses ikke (kun tekst); {n} kodning(er) på kilden springes "
            "over.")
    W616 = ("{source}: {n} kodning(er) bruger en kode, der ikke er i kodebogen; de springes over.")
    W617 = "{source}: tekstfilen er ikke UTF-8; den er læst som {encoding}. Tjek æ, ø og å."
    W618 = ("{source}: {n} kodet(e) markering(er) dækker ingen respondenttekst (kun interviewerens "
            "ture eller blanktegn); de er med i read_qdpx_selections(), men koder intet segment og skrives "
            "ikke tilbage af write_qdpx eller code.")
    W619 = ("{source}: teksten er ikke den samme, som kvaleval eksporterede (redigeret i et andet "
            "program?); den segmenteres forfra.")
    W620 = "{source}: teksten er tom; kilden springes over."
    W621 = ("{source}: teksten ligger uden for arkivet ({path}); kun filer inde i .qdpx-filen "
            "læses.")
    W622 = ("{source}: {n} markering(er) har ingen gyldig startPosition/endPosition og springes "
            "over.")
    W623 = ("{source}: intervieweren antages at være '{speaker}' (stiller flest spørgsmål); angiv "
            "interviewers=[...], hvis det er forkert.")
    W624 = ("{source}: variablen '{variable}' er '{value}' i én case eller dokumentgruppe og '{other}' i en "
            "anden; '{value}' bruges.")
    W625 = ("{source}: {n} tegn (ud over blanktegn) ligger ikke i noget segment, fx {excerpt} "
            "(tekst før det første talermærke?); markeringer dér koder intet.")
    W626 = ("{source}: {n} kodning(er) af områder på PDF'ens sider læses ikke; PDF'ens tekst og "
            "kodningerne af teksten læses.")
    W627 = ("{source}: teksten er UTF-8, men {n} byte(s) er ikke; de er læst som cp1252 (ét tegn "
            "hver), så positionerne efter dem passer. Tjek æ, ø og å omkring dem.")
    W628 = ("{source}: {n} bytefølge(r) kunne ikke afkodes som {encoding} og er erstattet med U+FFFD "
            "(�); markeringer omkring dem kan være forskudt.")
    W629 = ("{path}: projektets {n} {kind} læses ikke (kvaleval har ingen plads til dem), fx {names}.")
    W630 = ("{path}: {n} kilde-GUID(s) står på flere kilder ({guids}); hver kilde læses som sit eget "
            "dokument med de markeringer, der står i den.")
    W631 = ("{path}: {n} markerings-GUID(s) står på flere markeringer ({guids}); hver markering læses "
            "for sig.")
    W632 = ("{path}: {n} GUID(s) er både en bruger og en kode ({guids}); de holdes adskilt: i "
            "creatingUser er GUID'en brugeren, i CodeRef koden.")
    W633 = ("{source}: {n} markering(er) slutter, før de begynder (startPosition efter endPosition), og "
            "springes over: {guids}.")
    W634 = ("{path}: {n} henvisning(er) fra memoer og sæt til noget, kvaleval ikke læser (billeder, lyd, "
            "video, markeringer i dem, kodninger af hele kilden, ukendte GUID'er), er ikke med i "
            "corpus.memos/corpus.sets og skrives ikke med igen; memoerne og sættene selv er med.")
    W635 = "Memoet '{memo}': teksten ({path}) kunne ikke læses; memoet kommer med uden tekst."
    W636 = ("{path}: {n} memo-GUID(s) står på flere memoer ({guids}); hvert memo læses for sig, og en henvisning "
            "til GUID'en knyttes til dem alle.")
    W638 = ("{source}: {n} kodning(er) af hele kilden (en Coding uden markering) læses som kodninger af hver "
            "respondenttur; write_qdpx og code skriver dem tilbage som markeringer over turene, ikke over hele "
            "kilden, og interviewerens ture er ikke med.")
    W639 = ("{path}: {n} kodning(er) er lavet af en bruger, projektet ikke har under Users ({guids}); koderen "
            "hedder som GUID'en i kodningerne og i en ny eksport, under Users med den GUID.")
    W640 = ("{path}: oprettelses- og ændringstider på {n} element(er) (kilder, markeringer, kodninger, cases) og "
            "hvem der oprettede kilderne og sidst ændrede noget, kommer ikke med: en ny eksport skriver kvalevals "
            "faste tid (så den er byte-stabil), og markeringer og kodninger ejes af koderen. Memoer beholder "
            "forfatter og oprettelsestid.")
    W641 = ("{path}: {n} henvisning(er) fra cases til noget, kvaleval ikke læser (billeder, lyd, video, "
            "markeringer uden for teksten, ukendte GUID'er), er ikke med i corpus.cases og skrives ikke med igen; "
            "casene selv er med.")
    W642 = ("{path}: {n} PDF-kilde(r) læses gennem deres tekst og skrives igen som tekstkilder med den tekst og "
            "dens markeringer; selve PDF-filen og markeringer af områder på siderne kommer ikke med: {names}.")
    W643 = ("{path}: {n} kilde(r) har en formateret udgave (richTextPath, fx NVivos .docx), som ikke skrives med "
            "igen; kun teksten gør: {names}.")
    W644 = ("{n} markering(er) læst fra et projekt skrives som stykker med nye GUID'er, fordi ikke alle "
            "deres respondentture (eller stykker af ture) stadig er kodet med koden af koderen med samme valens, "
            "score og begrundelse – en markering er ét sammenhængende stykke tekst: {guids}.")
    W645 = ("{path}: {n} markering(er), kodning(er) og variabelværdi(er) inde i memoer (et kodet memo) læses "
            "ikke og skrives ikke med igen; memoerne selv, deres tekst og henvisninger er med.")
    W646 = ("{path}: {n} variabel/variabler har samme navn som en anden variabel ({names}); kvaleval kender en "
            "variabel på navnet, så deres værdier læses under det navn, og en ny eksport skriver én variabel med "
            "det navn (den førstes GUID og type).")
    W647 = ("{path}: {n} markering(er) og memo(er) er lavet af en bruger, projektet ikke har under Users "
            "({guids}); brugeren hedder som GUID'en og skrives med igen under Users med den GUID.")
    W649 = ("{path}: {n} kode(r) er tilføjet i et andet program, siden kvaleval skrev kodebogen, og har hverken "
            "termer, nærhedsord eller mønstre, så regelkoderen koder dem aldrig: {codes}. Skriv termerne i "
            "kodens beskrivelse ('Termer: ...', se docs/refi.md) eller i YAML-kodebogen.")
    W650 = ("{path}: kodebogen er ændret i et andet program, siden kvaleval skrev den: omdøbt {renamed}; "
            "væk (slået sammen med en anden kode eller slettet, og deres termer med dem) {gone}. Ret "
            "konklusioner, der nævner de gamle navne, og flyt termerne fra en kode, der er slået sammen "
            "med en anden, over i dens beskrivelse.")
    W648 = ("{path}: kodesættet/kodesættene {sets} nævner {n} kode(r), der ikke er i kodebogen ({codes}); de "
            "udelades af sættet (koden er omdøbt eller fjernet, siden sættet blev læst).")
    W637 = ("REFI-QDA-projektet ({path}) er ikke skrevet: {detail} Resten af bilaget er skrevet; "
            "se docs/refi.md.")
    # 8xx human coding
    W801 = ("{path}: arket '{sheet}', kolonne(r) {columns} er ikke koder og er ikke læst (koder: "
            "{codes}). Hvis en kolonne er en kode, hvis overskrift er ændret, så skriv kodens navn igen.")
    W802 = ("{path}: kolonne(r) {columns} er ikke læst. En kodnings-CSV har kolonnerne segment_id "
            "(eller doc_id og turn_index), code og eventuelt valence og coder (på dansk: segment, "
            "dokument, tur, kode, valens, koder).")
    W803 = ("{path}: {n} respondentture fra de dokumenter, arket har, står ikke i arket ({examples}); er "
            "rækker slettet? De tælles som ture, koderen ikke fik, ikke som 'ikke kodet'.")
    W804 = ("koderen '{coder}' har kodet i {n} af {total} dokumenter; i de andre tæller hver tur som 'ikke "
            "kodet' af {coder}, og κ falder uden grund. Er {coder} en anden koder på et udsnit, så brug "
            "--shared-documents.")
    W805 = ("guld-kodningen har kodninger i {n} af {total} dokumenter; i de andre tæller hver regelkodning som "
            "falsk positiv. Er guldet et udsnit, så brug --shared-documents (kun dokumenter med guld-kodninger).")
    W806 = ("{path}: arket har ikke temaet/temaerne {codes}, som de andre kodeark har (lavet før kodebogen blev "
            "ændret?); de tæller som manglende for {coder}, ikke som 'ikke kodet'. Giv {coder} et nyt ark "
            "('kvaleval sheet') for at få temaerne med.")
    # 7xx personal data
    W701 = ("{path}, linje {line}: '{original}' har færre end to bogstaver og søges ikke som "
            "navn. Skriv hele navnet.")


class Errors(metaclass=_CodedMessages):
    """Errors in Danish (the English texts are in ``_ErrorsEnglish``)."""

    # 0xx reading
    E001 = ("Korpusmappen findes ikke: {path} (fuld sti: {absolute}). Tjek stien; en relativ sti læses fra "
            "den mappe, der køres fra ({cwd}).")
    E002 = "{path} er ikke en mappe. Angiv mappen med transskriptionerne."
    E003 = ("Ingen læsbare dokumenter i {path}. Understøttede formater: {formats}. "
            "Sprunget over: {skipped}")
    E004 = "Filtypen '{suffix}' understøttes ikke ({path}). {advice}. Understøttede formater: {formats}."
    E005 = ("{path} er tom (der er ingen tekst i filen). Fjern den fra korpusmappen, eller gem "
            "transskriptionen i den igen.")
    E006 = ("{path} kunne ikke læses som tekst (den ser ud til at være en binær fil). Er det en "
            "transskription, så gem den som .txt (UTF-8) eller .docx.")
    E007 = "{path} er ikke en gyldig {kind}-fil ({detail}). Åbn den, og gem den igen i {app}."
    E008 = ("{path} har ingen kolonne 'file' eller 'filnavn' (fundne kolonner: {columns}). Tilføj en kolonne 'file' "
            "med hvert dokuments sti i forhold til korpusmappen, og adskil kolonnerne med ',' "
            "eller ';'.")
    E009 = ("{path} kunne ikke læses ({detail}). Gem den som CSV (UTF-8) med en kolonne 'file', "
            "eller fjern den.")
    E010 = ("{path}: ingen kolonne med respondent-id. Angiv den med id_column=..., eller kald den "
            "'respondent_id', 'id' eller 'løbenr'. Kolonner: {columns}.")
    E011 = ("{path}: ingen kolonner med åbne svar fundet. Angiv dem med text_columns=[...] (på "
            "kommandolinjen: --text-column NAVN, én gang pr. kolonne). Kolonner: {columns}.")
    E012 = "{path}: kolonne(r) {missing} findes ikke. Kolonner: {columns}."
    E013 = ("{path}: kunne ikke læses ({detail}). Tjek, at filen ikke er beskadiget eller låst af "
            "et andet program, og gem den igen.")
    E014 = ("{path}: arkivet er for stort eller har for mange dele ({detail}); det læses ikke, da "
            "det kan være en zip-bombe. Åbn filen, og gem den igen, eller del dokumentet op.")
    E015 = ("{path}: {size} MB er mere end grænsen på {limit} MB for ét dokument. Del filen op, "
            "eller hæv max_bytes.")
    E016 = ("{path} har rækker med forskellige værdier for {files}; hver fil skal have én række. "
            "Slet den forkerte række.")
    E017 = ("{path}, linje {line}: '{value}' i kolonnen '{column}' er ikke et tal. Skriv et tal "
            "som 120, 87,5 eller 30 % (et mål også som 'mindst 40' eller 'højst 5'; en milepæl som ja/nej "
            "i både mål og opnået); er tallet ikke opgjort "
            "endnu, så fjern indikatoren, eller sæt # foran dens navn.")
    E018 = "{path} er {kind}, ikke en tekstfil. {advice}."
    E019 = ("{path}: '{member}' erklærer en DTD eller XML-entiteter, hvad {kind}-filer aldrig gør; "
            "filen afvises, fordi den kan være ondsindet (XXE, entitetsudvidelse). Åbn den, og gem "
            "den igen i {app}, eller bed om en ny kopi.")
    E020 = "{path} er beskyttet med adgangskode. Fjern adgangskoden i {app}, og gem filen igen."
    E021 = ("{path} indeholder ingen svar, kun overskriftslinjen ({columns}). Eksportér "
            "spørgeskemaet igen med besvarelserne.")
    E022 = ("{path}, linje {line}: '{value}' i kolonnen 'retning' er ikke en retning. Skriv "
            "'højere' (højere er bedre: {higher}) eller 'lavere' (lavere er bedre: {lower}).")
    E023 = ("{path}, linje {line}: kolonnen '{column}' er tom. Skriv tallet, eller fjern "
            "indikatoren, eller sæt # foran dens navn.")
    E024 = "Indikatorfilen findes ikke: {path}. Tjek stien (--targets)."
    E025 = ("{path}, linje {line}: vægten (kolonnen 'vægt') er {value}; en vægt skal være større end 0. "
            "Skriv et positivt tal (en tom vægt er 1), eller fjern indikatoren.")
    E026 = ("{path}, linje {line}: rækken har {fields} felter, hvor overskriften ({header}) har {columns}. "
            "Et decimalkomma i en fil adskilt med '{delimiter}' deler tallet: sæt tallet i anførselstegn "
            "(\"72,5\") eller adskil kolonnerne med ';' (sådan gemmer dansk Excel CSV).")
    E027 = ("{path} har ingen indikatorer (filen er tom eller har kun overskrifter). Skriv én række pr. "
            "indikator under kolonnerne indikator, mål og opnået, eller udelad --targets.")
    E028 = ("{path}, linje {line}: indikatoren '{name}' står også i linje {first}; den ville tælle to gange i "
            "den samlede målopfyldelse. Giv hver indikator sit eget navn (fx med år: '{name} 2025'), eller "
            "fjern den ene.")
    E029 = ("{path}: PDF'en har ingen tekst, kun billeder af siderne ({pages} side(r)): den er skannet eller gemt "
            "som billeder. Kør tekstgenkendelse (OCR) først, fx i Adobe Acrobat eller med ocrmypdf, eller "
            "skriv teksten ind i en .docx- eller .txt-fil.")
    E030 = ("{path}: PDF'en er krypteret ({detail}), så teksten kan ikke læses. Gem en kopi uden beskyttelse "
            "(i Adobe Acrobat: Egenskaber > Sikkerhed > Ingen sikkerhed), eller kopiér teksten over i en "
            ".docx- eller .txt-fil.")
    E031 = ("{path}: indikatorerne skal være en tabel, .csv, .xlsx eller .docx, med kolonnerne indikator, mål og "
            "opnået, ikke '{suffix}'. {advice}.")
    E032 = ("{path}: intet af arkene {sheets} har kolonnerne indikator, mål og opnået i en række. Det første arks "
            "første række har {columns}. Skriv overskrifterne indikator, mål og opnået over indikatorerne.")
    E033 = ("{path}, linje {line}: målet '{value}' giver retningen '{direction}', men kolonnen 'retning' siger "
            "'{given}'. Ret den ene, eller lad 'retning' være tom.")
    E034 = ("{path}, linje {line}: '{percent}' i kolonnen '{percent_column}' er en procent, men '{fraction}' i "
            "kolonnen '{fraction_column}' ligner en brøk (0,88 er 88 %); de ville blive sammenlignet, som de står. "
            "Skriv begge som procent ('88 %') eller begge som brøk ('0,88').")
    E035 = ("{path}, linje {line}: kolonnen 'opfyldt' siger '{said}' om '{name}', men opnået {achieved} mod målet "
            "{target} med retningen '{direction}' siger det modsatte. Mangler retningen ('lavere': lavere er "
            "bedre), eller er et tal forkert? Ret det, eller slet kolonnen 'opfyldt' (kvaleval regner den ud).")
    E036 = ("{path}: ingen af dokumentets {n} tabel(ler) har kolonnerne indikator, mål og opnået i en række; den "
            "første tabels første række har {columns}. Skriv overskrifterne indikator, mål og opnået over "
            "indikatorerne i tabellen (en punktopstilling eller tekst læses ikke som indikatorer).")

    # 1xx segmenting
    E101 = "{doc_id}: segmenternes positioner passer ikke med dokumentets tekst ved {start}:{end}."

    # 2xx codebook and conclusions
    E201 = "Kodebogen findes ikke: {path}.{hint}"
    E202 = ("{path} er ikke gyldig YAML: {detail} (linje {line}). Tjek indrykning og "
            "anførselstegn.")
    E203 = "{path} har {n} problem(er):\n{problems}"
    E204 = "{path}: kodebogen skal være en YAML-mapping med 'name' og 'codes'."
    E205 = "Konklusionsfilen findes ikke: {path}.{hint}"
    E206 = ("{path}: konklusionen '{conclusion}' nævner tema(er) {themes}, som ikke er i "
            "kodebogen. Koder: {codes}. Temaer, som bilaget skriver dem: {labels}.")
    E207 = ("Kodebogsformatet '{suffix}' understøttes ikke ({path}). Brug .yaml, .yml eller "
            ".qdc.")
    E208 = ("{path}: koden '{code}', mønster {number} er ikke et gyldigt spaCy Matcher-mønster: "
            "{detail}. Se token-attributterne på https://spacy.io/usage/rule-based-matching.")
    E209 = "{path} er en mappe, ikke en {kind}. Angiv filen{found}."
    E210 = ("{path}: konklusionerne skal være en YAML-fil (.yaml eller .yml), ikke '{suffix}'. Er det indikatorerne, "
            "så giv dem med --targets (i Python targets=).")

    # 3xx coding
    E301 = "Ukendt metode '{method}'. Brug en af: {methods}."
    E302 = "Ukendt kode '{code}'. Koder: {codes}."
    E303 = "Tabellen mangler kolonne(r) {missing}. Fundne kolonner: {columns}."
    E304 = "Ukendt attribut '{by}' at gruppere efter. Mulige: {columns}."
    E305 = ("Modellen har {n} træningssegmenter: giv menneskelige kodninger af mindst ét dokument, "
            "hvis segmenter er i segmenttabellen.")
    E306 = ("Ingen model: kod med kv.code(corpus, codebook, model=kv.ModelCoder(codebook).fit("
            "segments, human_codings)), før du beder om en liste til gennemsyn (review).")
    E307 = ("Modellen {path} kunne ikke læses: {detail}. Angiv en fil skrevet af 'kvaleval train' "
            "(.json).")
    E308 = ("Alle {n} respondentsegmenter er allerede i modellens træningsdata, så der er intet "
            "tilbage at foreslå. Kør review på materiale, der ikke er kodet i hånden endnu (nye "
            "interview).")
    E309 = ("Metoden '{method}' kræver en trænet model: kv.code(corpus, codebook, "
            "model=kv.ModelCoder(codebook).fit(segments, human_codings)). Uden model: brug "
            "method='rules'.")
    E310 = ("Denne ModelCoder er ikke trænet endnu; kald fit(segments, codings) først, eller "
            "indlæs en model med ModelCoder.from_json().")
    E311 = "{function}: argumentet '{argument}' skal være {expected}; fik {got}. {hint}"
    E312 = ("{function}: valence={value!r} er ikke en valens. Brug en af {valences} (dansk stavemåde), "
            "eller None for alle valenser.")
    E313 = ("{where}: id-kolonnen '{column}' har det samme id for flere tekster ({examples}); kodningerne og "
            "frekvenserne kan ikke holde dem ude fra hinanden. Giv code_frame(..., id=) en kolonne, der er "
            "entydig for hver tekst (fx løbenummer og spørgsmål sat sammen, eller segment_id), og kod igen.")
    E314 = ("code_frame: element {position} i del {partition} af Dask-bag'en er {kind}, ikke en tekst eller en "
            "ordbog (dict). Giv en bag af tekster (id'erne bliver 'del:plads'), eller af ordbøger med nøglerne "
            "{keys}.")
    E315 = ("code_frame: element {position} i del {partition} af Dask-bag'en mangler nøglen '{key}' (har: "
            "{found}). Navngiv nøglerne med text=, id= og question=.")
    E316 = ("{function}: ingen af de {n} kodninger har et segment_id, der står i segmenttabellen (fx "
            "'{coding}' i kodningerne, '{segment}' i segmenterne), så alle tal ville være 0. Giv den "
            "segmenttabel, kodningerne er lavet på.")

    # 5xx report
    E501 = ("{path} kunne ikke skrives: {detail}. Tjek, at der er skriveadgang til mappen, og at "
            "filen ikke er åben i Excel.")
    E502 = "{path} findes og er ikke en mappe; angiv en mappe til bilaget."
    E503 = ("Tabellerne kan ikke grupperes efter '{column}': kolonnen holder personoplysninger ({kind}), "
            "som så ville stå i tabellernes overskrifter. Er ordet, der blev erstattet, ikke et navn (en "
            "afdeling som 'Plejecenter Solvang'), så lad det stå med --keep ORD (keep= i kv.write_appendix); "
            "ellers gruppér efter en anden kolonne, eller skriv bilaget uden pseudonymisering til internt brug.")

    E504 = ("{path} rummer filer med bilagets navne ({files}), som kvaleval ikke har skrevet (mappen har ingen "
            "kvaleval_filer.txt); de ville blive overskrevet. Vælg en tom mappe til bilaget, eller flyt filerne.")
    E505 = ("{path} er åben i Excel (låsefilen {lock} ligger ved siden af den), og Excel lader ikke andre "
            "programmer skrive over en åben fil. Intet er skrevet. Luk filen i Excel, og kør kommandoen "
            "igen; er Excel lukket, så slet låsefilen.")

    # 6xx REFI-QDA exchange
    E601 = ("{path}: ikke et læsbart REFI-QDA-projekt ({detail}). Eksportér det igen fra "
            "QDA-programmet som REFI-QDA-projekt (.qdpx).")
    E602 = ("{path}: arkivdelen '{member}' afvises, fordi {reason}; intet er læst eller skrevet. "
            "Filen er beskadiget eller ondsindet: bed om en ny eksport.")
    E603 = ("{path}: arkivdelen '{member}' er for stor eller for hårdt komprimeret ({detail}); "
            "den ligner en zip-bombe, og intet er læst. Er projektet virkelig så stort, så hæv "
            "grænserne med limits=ArchiveLimits(...).")
    E604 = ("{path}: arkivet har {n} dele, flere end grænsen på {limit} (den første over grænsen: "
            "'{member}'); intet er læst. Hæv grænsen med limits=ArchiveLimits(max_members=...), "
            "hvis projektet virkelig er så stort.")
    E605 = ("{path}: '{member}' er ikke gyldig XML ({detail}). Eksportér projektet igen fra "
            "QDA-programmet.")
    E606 = ("{path}: '{member}' erklærer en DTD eller entiteter ({detail}). REFI-QDA-filer har "
            "aldrig brug for dem, så filen afvises (beskyttelse mod XXE og entitetsudvidelse).")
    E607 = ("{path}: ingen project.qde (eller anden .qde-fil) i arkivet; indhold: {members}. Er "
            "det et REFI-QDA-projekt?")
    E608 = "{path}: '{member}' er ikke {kind} (fandt {root})."
    E609 = "{path}: kunne ikke skrives ({detail}). Tjek, at der er skriveadgang til mappen."
    E610 = "{path}: arkivet har {n} .qde-filer ({names}), og ingen af dem hedder project.qde."
    E611 = "{path}: kunne ikke læses ({detail})."
    E612 = ("{path}: koden '{code}' har det navn, kvaleval bruger til den skjulte gruppekode med "
            "kodebogens egne felter (ordlister, lemmaer, valensord); de to ville få samme GUID, og koden "
            "ville gå tabt. Omdøb koden i kodebogen (og i kodningerne), og skriv igen. Intet er skrevet.")
    E613 = ("{path}: et REFI-QDA-projekt har sine egne tekster og taleture, så dets kodere sammenlignes på "
            "projektets ture; det kan ikke blandes med kodeark, kodnings-CSV'er eller --corpus. Giv agreement "
            "projekterne alene (ét projekt med alle kodere, eller hver koders kopi af samme projekt).")

    # 7xx personal data
    E701 = ("Pseudonymfilen findes ikke: {path}. Angiv en CSV-fil med kolonnerne 'original' og "
            "'replacement'.")
    E702 = "{path}: kunne ikke læses som tekst ({detail}). Gem den som CSV (UTF-8)."
    E703 = ("{path}: første linje skal navngive kolonnen med navnene ('original', 'navn' eller 'name') og "
            "kolonnen med erstatningerne ('erstatning', 'replacement' eller 'pseudonym'), adskilt af ',' "
            "eller ';'; fandt: {columns}.")
    E704 = ("{path}, linje {line}: {problem}. Hver række har et navn og dets erstatning, fx "
            "'Hanne;[borger 3]'.")
    E705 = ("{path}, linje {line}: '{original}' har allerede erstatningen '{first}' i linje "
            "{first_line}, ikke '{second}'. Skriv hvert navn i én række.")
    E706 = ("Pseudonymer skal knytte navne til erstatninger, begge som tekst; fik {pair}. "
            "Eksempel: {{'Hanne': '[borger 3]'}}.")
    E707 = "{what} skal være tekst; fik {value!r} ({kind})."
    E708 = ("pseudonymise() skal have en str; fik {kind}. Spring manglende værdier over, eller "
            "konvertér med str().")
    E709 = "suppress_small: k skal være et helt tal på mindst 1; fik {k!r}."
    E710 = "suppress_small: kolonne(r) {missing} findes ikke. Kolonner: {columns}."
    E711 = ("suppress_small: kolonnen '{column}' indeholder {value!r}, som ikke er et antal. Angiv "
            "kun kolonner med antal (hele tal eller 'n/N').")

    # 8xx human coding sheets, agreement, evaluation (E800-E849)
    E800 = ("Kodningsfilen findes ikke: {path}. Angiv et udfyldt kodeark (.xlsx) eller en CSV med "
            "kodninger.")
    E801 = ("{path}: filtypen '{suffix}' understøttes ikke for kodninger. Brug .xlsx (et ark fra "
            "'kvaleval sheet') eller .csv.")
    E802 = ("{path}: kunne ikke læses ({detail}). Åbn den i Excel eller LibreOffice, og gem den "
            "igen som .xlsx eller som CSV (UTF-8).")
    E803 = ("{path}: intet ark har 'segment_id' i første række (ark: {sheets}). Brug arket fra "
            "'kvaleval sheet', og bevar dets overskriftsrække.")
    E804 = ("{path}: overskriften skal nævne {needed}; fandt: {columns}. En CSV med kodninger har "
            "kolonnerne 'doc_id, turn_index, code[, valence, coder]' eller "
            "'segment_id, code[, valence, coder]'.")
    E805 = ("{path} har {n} problem(er); intet er læst. Ret dem, og læs filen igen:\n"
            "{problems}")
    E806 = ("{where}: {value!r} er ikke en kodning. Skriv 1 (kodet), 0 (ikke kodet), eller lad "
            "cellen stå tom; 'x', 'ja' og '✓' tæller som 1, 'nej' og '-' som 0.")
    E807 = ("{where}: {value!r} er ikke en valens. Skriv positiv, negativ, blandet eller neutral, eller "
            "lad cellen stå tom (neutral).")
    E808 = ("{where}: der er angivet en valens, men koden er ikke markeret med 1. Sæt koden til 1, "
            "eller slet valensen.")
    E809 = ("{where}: segmentet '{segment}' er ikke i korpusset. Tjek, at filen er lavet ud fra "
            "dette korpus, og at id'et ikke er rettet.")
    E810 = "{where}: rækken har intet segment-id. Id-kolonnen må ikke tømmes eller rettes."
    E811 = ("{where}: segmentet '{segment}' står der igen (første gang i {first}). Hvert segment "
            "skal stå i én række.")
    E812 = "{where}: '{code}' er ikke en kode i kodebogen. Koder: {codes}."
    E813 = ("{where}: turnummeret {value!r} er ikke et helt tal (0 er dokumentets første "
            "taletur).")
    E814 = "{where}: dokumentet '{doc_id}' har ingen taletur {turn}; dets ture er 0-{last}."
    E815 = ("{where}: dokumentet '{doc_id}' er ikke i korpusset. Et dokument hedder det samme som "
            "sin sti i korpusmappen uden filendelse, fx 'interviews/borger03'.")
    E816 = ("{where}: '{segment}' er en interviewertur, og den kodes aldrig. Tjek nummereringen af "
            "turene (fra 0, interviewerens ture medregnet).")
    E817 = ("{where}: '{code}' har valensen '{first}' i {first_where} og '{second}' her. Giv hvert "
            "segment én valens pr. kode.")
    E818 = "{where}: koden mangler. Skriv koden i hver række."
    E820 = ("Enighed kræver mindst to kodere; kodningerne har {coders}. Angiv hver koders fil (på "
            "kommandolinjen: to filer, eller --rules for at sammenligne med regelkoderen; i Python: "
            "kv.read_human_codings([fil1, fil2], segments=...), som også husker, hvilke ture hvert ark "
            "dækker).")
    E821 = "Koder(e) {missing} har ingen kodninger. Fundne kodere: {coders}."
    E822 = ("{n} kodning(er) gælder segmenter, der ikke er blandt enhederne, fx {examples}. Angiv "
            "den segmenttabel, kodningerne er lavet ud fra.")
    E823 = "n_boot skal være et helt tal, 0 (intet interval) eller mere; fik {value!r}."
    E824 = ("Koderen '{coder}' står i både {first} og {second}. Giv hver fil sin egen koder "
            "(kolonnen 'coder', arkets 'Koder:'-celle eller filnavnet).")
    E830 = ("Guldkodningerne har {n} kodere ({coders}); der måles op imod én. Vælg én, fx "
            "gold[gold['coder'] == '{first}'].")
    E831 = "Koderen '{coder}' er ikke i kodningerne. Kodere: {coders}."
    E832 = "Guldkodningerne er tomme; der er intet at måle op imod ({source})."
    E833 = "evaluate() skal have et Coded-resultat eller en DataFrame med kodninger; fik {kind}."
    E840 = "Segmenttabellen har ingen respondentsegmenter; der er intet at kode."
    E841 = "Kodebogen har ingen koder; et kodeark skal have mindst én."
    E842 = ("evaluate() kan ikke se, hvilke ture der er enhederne: giv segments= (segmenttabellen, "
            "kodningerne er lavet på), et Coded-resultat eller guld læst fra et kodeark med "
            "read_human_codings(). Uden dem ville en tur, ingen har kodet, ikke blive talt med.")
    E843 = ("--out {out} er også en inputfil ({input}); at skrive den ville ødelægge inputtet. "
            "Intet er skrevet. Giv et andet filnavn med --out.")
    E844 = ("--out {out}: kommandoen skriver {kind}, så filnavnet skal ende på {suffixes}, "
            "ikke '{suffix}'. Intet er skrevet.")
    E845 = ("{path} er et kodeark med {n} udfyldte celle(r) (kodninger, valenser eller kommentarer); "
            "et nyt ark oven i det ville miste dem. Intet er skrevet. Giv et andet "
            "filnavn med --out, eller tilføj --force for at overskrive det.")
    E846 = ("arket '{sheet}' har ingen kolonne for koden/koderne {codes}, som {source} nævner; læst som "
            "det er, ville hver tur tælle som ikke kodet med dem.{unread} Kopiér kolonnen/kolonnerne "
            "tilbage fra et nyt ark ('kvaleval sheet'), ret overskriften, eller læs med en kodebog uden "
            "de koder.")
    E847 = ("{path}: mere end ét ark indeholder kodninger: {sheets}. Hold kodningerne i ét ark "
            "(kopiér dem ind i 'Kodning', og slet kopien), og gem igen.")
    E848 = ("{where}: formlen {formula!r} har ingen gemt værdi, så den kan ikke læses. Åbn filen i "
            "Excel eller LibreOffice, og gem den igen (så gemmes værdierne), eller skriv værdien.")
    E849 = ("{path}: modellen er trænet med kodebogen {codebook}, som {problem}; uden den mangler "
            "regeltrækkene, og modellen ville kode anderledes. Giv kodebogen: "
            "ModelCoder.from_json(sti, codebook=kv.read_codebook(...)) (på kommandolinjen: --codebook).")
    E850 = ("--documents {patterns} passede på intet dokument. Dokument-id'er er stier i korpusmappen "
            "uden endelse, fx {examples}; sæt mønstret i anførselstegn ('interviews/borger0*').")
    E851 = ("{path} er arket 'Kodning' gemt som CSV; et kodeark skal læses som .xlsx (CSV-udgaven "
            "mister arkets liste over koder og ture). Åbn den returnerede .xlsx, eller gem arket "
            "igen som .xlsx (Excel-projektmappe).")
    E852 = ("{where}: teksten passer ikke til turen {segment}, som id-kolonnen siger ({text}). Er arket sorteret "
            "eller ændret uden id-kolonnen? Så sidder koderne på de forkerte ture. Fortryd sorteringen, eller "
            "sortér hele arket (alle kolonner) efter id, og læs filen igen.")
    E854 = ("{where}: kolonnen har valenser, men overskriften er ikke en temakolonnes valens, så de ville gå "
            "tabt. Skriv overskriften som '{wanted}'.")
    E853 = ("{path}: koderen har ikke afkrydset en eneste kode i {n} ture. Er koderne skrevet i en anden kolonne "
            "(fx {columns})? Sæt 1 i kodens kolonne ud for turen; en tom fil kan ikke sammenlignes eller "
            "bruges som facit.")
    E855 = ("--rules uden --codebook koder med demoens kodebog ({path}), men kodningerne har temaerne {sheet_codes}, "
            "og den har {book_codes}; enigheden ville måle to forskellige kodebøger mod hinanden. Giv --codebook "
            "med den kodebog, arkene er lavet med.")
    E856 = ("{path} er Excels låsefil for '{name}', som er åben i Excel lige nu, ikke et kodeark. Udelad den (fx "
            "'koder_*.xlsx' i stedet for '*.xlsx'); den forsvinder, når projektmappen lukkes.")

    # 9xx command line and settings
    E901 = "Ukendt sprog '{language}'. Brug 'da' (dansk) eller 'en' (engelsk)."
    E902 = ("--rules kræver --corpus: regelkoderen skal kode korpusset for at kunne sammenlignes "
            "med koderne.")
    E903 = ("--small-cells skal være et helt tal på mindst 1 (fx --small-cells 3); fik {k}. Intet er læst "
            "eller skrevet.")
    E904 = "{name} mangler. Se '{help}'."
    E905 = "Ugyldig værdi for {name}: {detail}. Se '{help}'."
    E906 = "Valgmuligheden {option} findes ikke her{hint}. Se '{help}'."
    E907 = "Kommandoen '{name}' findes ikke{hint}. Kommandoerne er: {commands}."
    E909 = "{option} mangler sin værdi (en sti, et tal eller et navn efter {option}). Se '{help}'."
    E910 = ("Argument(er) for meget: {arguments}. Står der mellemrum i en sti, så sæt den i anførselstegn "
            "(\"mine interviews/\"). Se '{help}'.")
    E911 = ("{option} skal være et helt tal på mindst 1 (fx {option} {example}); fik {value}. Intet er læst eller "
            "skrevet.")
    E908 = ("--gold kræver --corpus: guldkodningens ture findes i korpusset, som termerne skal tjekkes på "
            "(fx check kodebog.yaml --corpus corpus/ --gold guld.csv).")


class Texts(metaclass=_CodedMessages):
    """The words kvaleval puts into messages (where, which program, what was wrong), in Danish.

    No code and no prefix; the English texts are in ``_TextsEnglish``.
    """

    none = "(ingen)"
    nothing = "(intet)"
    files = "{n} fil(er)"
    see_skipped = "se corpus.skipped"
    # where in a file
    line = "linje {line}"
    line_column = "linje {line}, kolonne '{column}'"
    line_field = "linje {line}, {field}"
    decimal_comma = "et decimalkomma? Skriv tal med punktum (0.5)"
    unquoted_colour = ("linje {line}, color: '#' indleder en kommentar i YAML, så farven er tom — "
                       "sæt den i anførselstegn: color: \"#{colour}\"")
    # human coding
    source_codebook = "kodebogen"
    source_codebook_sheet = "arket '{sheet}'"
    # the CLI's status lines
    cli_interrupted = ("Afbrudt. Bilag og filer, der fandtes i forvejen, er som før; intet er skrevet halvt "
                       "(se docs/cli.md).")
    cli_reading = "Læser {corpus} ..."
    cli_cache_hit = "Korpus hentet fra {cache}"
    cli_cache_saved = "Korpus gemt i {cache}"
    cli_cache_unwritable = "Korpus læst; mappen {cache} kunne ikke skrives, så det er ikke gemt"
    cli_coding = "Koder med {codebook} ..."
    cli_inputs = "Konklusioner: {conclusions}; indikatorer: {targets}"
    cli_default_codebook = ("Ingen --codebook: bruger demoens kodebog {path} (en boligsocial indsats); angiv din "
                            "egen med -c KODEBOG.")
    cli_model_codebook = "Ingen --codebook: bruger modellens kodebog {path} (den, modellen er trænet med)."
    cli_none = "(ingen)"
    cli_writing = "Skriver bilag til {out} ..."
    cli_note = "Bemærk: {message}"
    cli_error = "Fejl: {message}"
    review_unsure = "usikker på {code} (p={p:.2f}, tærskel {threshold:.2f})"
    note_no_variation = "udefineret: ingen variation (alle kodere gav alle enheder samme værdi)"
    note_no_units = "ingen enheder set af mindst to kodere"
    note_kappa_two = "κ kun for to kodere"
    note_pooled = "puljet over kode × segment"
    note_no_gold = "ingen guld-kodninger"
    note_no_units_evaluate = "ingen enheder"
    note_macro = "gennemsnit over temaer (κ: middelværdi)"
    review_disagree = "; regler og model er uenige om {codes}"
    cli_documents = "Dokumenter læst: {read}; sprunget over: {skipped}"
    cli_skipped = "  sprunget over: {path}: {reason}"
    cli_segments = "Segmenter: {segments} ({respondents} respondentture)"
    cli_codings_per_theme = "Kodninger pr. tema:"
    cli_theme_segments = "  {theme}: {n} segmenter"
    cli_theme_segment = "  {theme}: 1 segment"
    cli_notes = "Bemærkninger: {n} (se arket '{sheet}')"
    cli_written = "Skrevet: {path} og {n} andre filer"
    cli_privacy_report = "Pseudonymiseringsrapport (indeholder personoplysninger, del den ikke): {path}"
    cli_project = ("REFI-QDA-projekt til NVivo, ATLAS.ti, MAXQDA og QualCoder (ikke pseudonymiseret: del det kun "
                   "med dem, der må se transskriptionerne): {path}")
    cli_written_file = "Skrevet: {path}"
    cli_check_examples = "Eksempler og modeksempler: {ok} af {n} i orden."
    cli_check_failed = "  {code}: {kind} {wanted}: »{text}« (evidens {evidence}, tærskel {threshold}; {why})"
    cli_check_example = "eksempel"
    cli_check_counterexample = "modeksempel"
    cli_check_should_code = "skulle kodes"
    cli_check_must_not_code = "må ikke kodes"
    cli_check_no_hits = "ingen fund"
    cli_check_unused = ("Termer og nær-cues, der aldrig rammer i {corpus} (hverken i svarene eller i deres "
                        "spørgsmål): {n} af {total}.")
    cli_check_shared = ("Termer i mere end ét tema (hvert fund koder dem alle; er det ikke meningen, så giv "
                        "termen til ét tema):")
    cli_check_same_words = ("Termer i samme tema, der finder de samme ord (hver term læses med alle sine bøjninger; "
                            "et ord tæller én gang pr. tema, med den tungeste terms vægt, så vægtene lægges ikke "
                            "sammen – behold én term og giv den vægten):")
    cli_check_only_questions = ("Termer, der kun rammer interviewerens spørgsmål (term (svar på dem)): korte svar "
                                "kan arve temaet derfra, så de er ikke ubrugte.")
    cli_check_false_positives = ("Termer, der også rammer ture, guld ikke har kodet med temaet (fund / heraf i "
                                 "guld) – mulige falske positiver:")
    cli_check_compounds = ("Længere ord, termerne rammer inde i (ord ← term, segmenter) – sæt et ord, der ikke "
                           "handler om temaet, i exclude_terms:")
    cli_check_too_weak = ("Termer i ture, guld har kodet, men regelkoderen ikke (evidensen nåede ikke tærsklen; "
                          "antal ture, vægt/tærskel) – overvej en højere vægt:")
    cli_coding_rules = "Koder {corpus} med regler ..."
    cli_macro_f1 = "Makro-F1: {f1:.3f}; laveste κ: {kappa:.3f}"
    cli_calibrated = (
        "Tærsklerne: guld-kodningen koder på mindre evidens end kodebogen. Med alle tærskler × {scale:g} er κ "
        "{kappa_scaled:.2f} (som skrevet {kappa:.2f}); valgt på halvdelen af dokumenterne og målt på den anden "
        "halvdel {held_out:.2f} (som skrevet {as_written:.2f}). Gang kodebogens tærskler med {scale:g} "
        "(threshold: {scale:g} for 1.0), eller kod med kv.calibrate(...).codebook.")
    cli_calibrated_used = "Koder med alle tærskler × {scale:g} (--calibrate-from)."
    cli_calibrated_one_document = (
        "Tærsklerne: guld-kodningen koder på mindre evidens end kodebogen. Med alle tærskler × {scale:g} er κ "
        "{kappa_scaled:.2f} (som skrevet {kappa:.2f}), målt i det ene dokument, faktoren er valgt på: kod et "
        "dokument mere for at se, hvad den er værd på andre.")
    cli_calibrated_as_written = ("Tærsklerne: kodebogen passer bedst til guld-kodningen, som den er skrevet "
                                 "(κ {kappa:.2f}; lavere tærskler gav ikke mere).")
    cli_written_confusions = "Skrevet: {path} ({n} forvekslinger)"
    cli_coders = "Kodere: {coders}; uenigheder: {n}"
    cli_trained = "Trænet på {n} segmenter; tærskler: {thresholds}"
    cli_model_saved = "Gemt: {path} (genindlæses med --model; modellen trænes igen fra de gemte kodninger)"
    cli_model_personal_data = ("Filen indeholder træningsturenes tekst, ikke pseudonymiseret: den indeholder "
                               "personoplysninger, del den ikke.")
    cli_written_segments = "Skrevet: {path} ({n} segmenter)"
    cli_written_segment = "Skrevet: {path} (1 segment)"
    cli_skipped_file = "Sprunget over: {path}: {reason}"
    cli_project_written = ("Skrevet: {path}. Det indeholder personoplysninger (kildeteksterne er ikke "
                           "pseudonymiseret): del det kun med dem, der må se transskriptionerne.")
    cli_sheet_written = "Skrevet: {path} ({rows} respondentture, {themes} temaer{suggestions})"
    cli_sheet_suggestions = ", med regelkoderens forslag"
    columns_not_read = " Kolonne(r), der ikke er læst: {columns}."
    sheet_cell_short = "arket '{sheet}', celle {cell}"
    model_codebook_missing = "ikke findes"
    model_codebook_changed = "er ændret siden træningen"
    model_codebook_no_checksum = "ikke har en gemt kontrolsum fra træningen"
    not_stored = "(ikke gemt)"
    and_ = "og"
    suffix_none = "(ingen)"
    kind_workbook = "et Excel-regneark"
    table_given = "den givne tabel"
    kind_codebook_file = "kodebog"
    kind_conclusions_file = "konklusionsfil"
    hint_mean_file = " Mente du {path}?"
    hint_check_path = " Tjek stien (fuld sti: {absolute}); en relativ sti læses fra den mappe, der køres fra ({cwd})."
    hint_folder_holds = " (i mappen: {names})"
    kind_model = "en modelfil (JSON)"
    kind_sheet = "et kodeark (Excel)"
    kind_project = "et REFI-QDA-projekt"
    cli_argument = "Argumentet {name}"
    cli_option = "Valgmuligheden {name}"
    cli_did_you_mean = " (mente du {names}?)"
    cli_lang_first = " (--lang står før kommandoen: python -m kvaleval --lang en {command} ...)"
    cli_whole_number = "skal være et helt tal"
    cli_number = "skal være et tal"
    cli_empty_path = "er tom; skriv stien (en tom sti ville betyde den mappe, du står i)"
    cli_choice = "skal være en af {choices}"
    coded_cells = "'{sheet}' ({n} kodede celler)"
    more_problems = "  ... og {n} til"
    more_lines_same_document = " (og {n} linje(r) mere med det dokument)"
    more_rows_same_document = " (og {n} række(r) mere med det dokument)"
    near_group = " Mente du {names}?"
    sorted_alone = (" I alt har {n} rækker i kolonnen en valens uden 1, mens {ticked} har 1 uden valens: er "
                    "kolonnen '{code}' sorteret eller flyttet for sig selv? Sortér altid hele arket.")
    did_you_mean_document = " Mente du '{doc_id}'?"
    below_threshold = "under tærsklen ({evidence:.2f} af {threshold:g}): {why}"
    nothing_found = "intet fund"
    names_to_hide = "Navne, der skal pseudonymiseres (names=),"  # the comma closes the relative clause
    words_to_keep = "Ord, der skal stå urørt (keep=),"
    file_empty = "filen er tom (0 byte)"
    file_cut_off = "filen er ikke en hel .xlsx-fil; den er afkortet, beskadiget eller noget andet omdøbt til .xlsx"
    # wrong arguments to the Python API
    rows = '{n} rækker'
    arg_conclusions_list = 'en liste af Conclusion fra kv.read_conclusions(sti)'
    arg_read_conclusions_first = 'Læs filen først: kv.read_conclusions(sti, codebook=coded.codebook).'
    arg_conclusions_not_dict = 'Giv en liste af konklusioner, fx fra kv.read_conclusions(sti).'
    arg_conclusion_make = ("Lav hver enkelt med kv.Conclusion(id=..., statement=..., themes=(...)), "
                           "eller læs filen med kv.read_conclusions(sti).")
    arg_swapped_code = 'Argumenterne er byttet om: kv.code(corpus, codebook).'
    arg_corpus = 'et Corpus fra kv.read_corpus(mappe)'
    arg_read_folder_first = 'Læs mappen først: corpus = kv.read_corpus(mappe).'
    arg_corpus_not_segments = ('Giv selve korpusset (fra kv.read_corpus), ikke dets segmenttabel; en DataFrame af '
                               'svar kodes med kv.dask.code_frame(df, kodebog, text="svar", id="løbenr").')
    arg_codebook = 'en Codebook fra kv.read_codebook(sti)'
    arg_read_codebook_first = 'Læs filen først: codebook = kv.read_codebook(sti).'
    arg_codebook_dict = 'Gem den som YAML-fil, og læs den med kv.read_codebook(sti) (se docs/codebook.md).'
    arg_by = 'et kolonnenavn (str), en liste af kolonnenavne eller None'
    arg_by_example = "Fx by='respondent_group' eller by=['respondent_group', 'role']."
    arg_by_items = 'Hvert element i listen er et kolonnenavn.'
    arg_code_name = 'et kodenavn (str)'
    arg_codes = 'Koder: {codes}.'
    arg_whole_number = 'et helt tal (int)'
    arg_n_example = 'Fx n=5.'
    arg_n_quotes_example = 'Fx n_quotes=3.'
    arg_coded = 'et Coded fra kv.code(corpus, codebook)'
    arg_appendix_order = 'Argumenterne er kv.write_appendix(coded, out_dir, ...).'
    arg_folder_path = 'en mappesti (str eller Path)'
    arg_by_appendix = ("navnet på én kolonne (fx by=\"role\"); bilaget grupperer efter én, og Frekvenser viser også "
                       "rollerne – en liste af kolonner giver coded.frequencies(by=[...])")
    arg_targets = 'stien til en indikatorfil (csv/xlsx), en DataFrame eller None'
    targets_table = 'Tabellen i targets= (linje = række, fra 1)'
    arg_corpus_path = 'stien til korpusmappen (str eller Path)'
    arg_corpus_path_example = "Fx kv.read_corpus('corpus/')."
    arg_codebook_path = 'stien til en kodebogsfil (str eller Path)'
    arg_codebook_yaml = 'En kodebog læses fra en YAML-fil (se docs/codebook.md); gem en dict som YAML først.'
    arg_conclusions_path = 'stien til en konklusionsfil (str eller Path)'
    yaml_tab = "et tabulatortegn: YAML rykker kun ind med mellemrum; erstat tabulatoren med mellemrum"
    yaml_unclosed_flow = ("en {{ ... }} eller [ ... ] åbner her og lukkes ikke på linjen (oftest et anførselstegn, "
                          "der ikke lukkes, eller et komma for lidt)")
    yaml_unclosed_quote = ("et citationstegn åbner her og lukkes aldrig (eller et citationstegn inde i "
                           "teksten skal skrives dobbelt: 'det''s')")
    line_detail = "linje {line}: {detail}"
    sheet_cell = "arket '{sheet}', celle {cell} (række {row}, kolonne '{header}')"
    row = "række {row}"
    top_level = "(øverste niveau)"
    coding_csv_needed = "'doc_id', 'turn_index' og 'code' eller 'segment_id' og 'code'"
    # the program to open and save a file in
    app_excel = "Excel eller LibreOffice"
    app_word = "Word eller LibreOffice"
    sheet_column = "Ark"
    unread_comments = "{n} kommentar(er)"
    unread_notes = "{n} fod- eller slutnote(r)"
    unread_boxes = "{n} tekstboks(e)"
    unread_margins = "{n} linje(r) i sidehoved eller sidefod"
    app_subtitles = "transskriptionsprogrammet eller en teksteditor"
    app_pdf = "programmet, der lavede den (i Word: Gem som PDF), eller kopiér teksten over i en .docx-fil"
    app_rtf = "Word eller LibreOffice (som .docx)"
    pdf_password = "den kræver en adgangskode for at blive åbnet"
    pdf_aes = "med AES, som kræver Python-pakken cryptography: pip install cryptography"
    rtf_not_rtf = "den starter ikke med \\rtf, som en RTF-fil gør: det er en anden slags fil"
    # reading sources
    zip_not_container = "ikke en zip-container: {error}"
    zip_damaged = "beskadiget zip-fil: {error}"
    zip_lacks = "zip-arkivet mangler {missing}, som alle {kind}-filer har"
    zip_members = "{n} dele"
    zip_unpacked = "{unpacked} MB udpakket fra {packed} KB"
    zip_member_unpacked = "'{member}' fylder {unpacked} MB udpakket fra {packed} KB"
    old_office = "en gammel Office-fil (.doc/.xls) eller en Office-fil med adgangskode"
    old_office_advice = ("Fjern adgangskoden, eller åbn filen i Word eller Excel, og gem den som "
                         ".docx eller .xlsx")
    csv_quote = "linje {line}: {error}; måske mangler et afsluttende anførselstegn (\")"
    csv_unclosed = "et felt begynder med et anførselstegn, som aldrig lukkes, så resten af filen ville blive ét svar"
    no_worksheet = "regnearket har intet læsbart ark"
    cue_malformed = "en tekstblok er ugyldig"
    cues_unreadable = "{bad} af {total} tekstblokke kan ikke læses"
    cue_timing = "linje {line}: tidsangivelsen {timing} kan ikke læses"
    metadata_and = "metadata.csv og {path}"
    metadata_too_large = "over 20 MB; det er ikke en metadatatabel"
    the_file = "filen"
    rows_pair = "{file} (række {first} og {second})"
    no_files_read = "ingen (mappen indeholder ingen filer, som kvaleval læser)"
    and_more = "; og {n} til (se listen ovenfor)"
    # what a file that is not text is, and what to do (E018)
    kind_png = "et PNG-billede"
    kind_jpeg = "et JPEG-billede"
    kind_gif = "et GIF-billede"
    kind_pdf = "en PDF-fil"
    kind_zip = "et zip-arkiv (måske en .docx, .xlsx eller .odt med forkert filendelse)"
    kind_empty_zip = "et tomt zip-arkiv"
    kind_rtf = "en RTF-fil"
    kind_gzip = "et gzip-arkiv"
    kind_7z = "et 7-Zip-arkiv"
    kind_rar = "et RAR-arkiv"
    kind_mp3 = "en MP3-optagelse"
    kind_riff = "en lyd- eller videofil (RIFF)"
    kind_ogg = "en Ogg-optagelse"
    kind_flac = "en FLAC-optagelse"
    kind_mp4 = "en MP4/M4A-optagelse"
    kind_program = "et program"
    kind_windows_program = "et Windows-program"
    kind_database = "en database"
    advice_not_transcript = "Det er ikke en transskription"
    advice_pdf = "Giv den endelsen .pdf, så læses den som PDF"
    advice_zip = "Giv filen den rigtige endelse (.docx, .xlsx, .odt), eller pak den ud"
    advice_rtf = "Giv den endelsen .rtf, så læses den som RTF"
    advice_unpack = "Pak den ud først"
    advice_transcribe = "Transskribér den først; kvaleval læser tekst"
    advice_save_docx = "Åbn den i Word eller LibreOffice, og gem den som .docx"
    advice_save_xlsx = "Åbn den i Excel eller LibreOffice, og gem den som .xlsx eller .csv"
    advice_save_text = "Gem den som .docx eller .txt (UTF-8)"
    advice_conclusions_not_targets = "Er det konklusionerne, så giv dem med --conclusions (i Python conclusions=)"
    advice_not_corpus = ("Er det kodebogen eller konklusionsfilen, så giv den med -c eller --conclusions; "
                         "korpusset er mappen med transskriptionerne (python -m kvaleval code KORPUS "
                         "-c kodebog.yaml)")
    # codebook and conclusions
    code_name_twice = ("kodenavnet '{name}' er brugt to gange (første gang i linje {first}) — "
                       "navne skal være unikke")
    conclusion_id_twice = ("konklusions-id'et '{id}' er brugt to gange (første gang i linje {other}) — "
                           "giv hver konklusion sit eget id")
    hint_missing = "tilføj feltet"
    hint_extra_forbidden = "fjern eller omdøb feltet (tilladte felter: {allowed})"
    hint_did_you_mean = "; mente du '{name}'?"
    term_dead = "står også i kodens exclude_terms og tæller derfor aldrig; fjern dem fra den ene liste"
    term_doubled = "står mere end én gang; de tæller kun én gang, så fjern gentagelsen"
    term_weightless = "har vægten 0 og tilføjer derfor ingen evidens; giv dem en vægt over 0 eller fjern dem"
    hint_string_type = "skriv det som tekst"
    hint_float_parsing = "skriv et tal som 1.0 eller 0.5"
    hint_int_parsing = "skriv et helt tal"
    hint_list_type = "skriv en liste (linjer, der begynder med '- ')"
    hint_dict_type = "skriv en mapping (linjer med nøgle: værdi)"
    hint_too_short = "tilføj mindst ét element"
    hint_string_too_short = "skriv teksten, eller fjern linjen"
    hint_model_type = "skriv en tekst eller en mapping (nøgle: værdi), eller fjern linjen, hvis den er tom"
    hint_greater_than = "brug et tal over 0"
    hint_greater_than_equal = "brug et tal, der er mindst {ge} (se docs/codebook.md)"
    # what is wrong with a field, in place of pydantic's English (the hint above says what to do)
    problem_missing = "feltet mangler"
    problem_extra_forbidden = "feltet findes ikke"
    problem_string_type = "skal være tekst"
    problem_float_parsing = "skal være et tal"
    problem_int_parsing = "skal være et helt tal"
    problem_list_type = "skal være en liste"
    problem_dict_type = "skal være en mapping"
    problem_too_short = "er tom"
    problem_string_too_short = "er tom"
    problem_model_type = "skal være tekst eller en mapping"
    problem_greater_than = "skal være over {gt}"
    problem_greater_than_equal = "skal være mindst {ge}"
    problem_string_pattern_mismatch = "værdien er ikke tilladt"
    hint_docs = "se docs/codebook.md"
    hint_name = ("brug små bogstaver, tal, '_' eller '-' (fx 'kapacitet' eller "
                 "'civil_samfund')")
    hint_color = "brug en farve som \"#E07A5F\" (i anførselstegn: # indleder en kommentar i YAML)"
    hint_valence = "brug positiv, negativ eller blandet"
    hint_use = "brug {choices}"
    or_ = "eller"
    term_empty = "en term er tom"
    yaml_python_tag = ("et !!python/...-mærke beder om at oprette Python-objekter, hvad en kodebog "
                       "ikke må; fjern mærket")
    yaml_too_deep = "værdierne er indlejret for dybt til at være en kodebog"
    yaml_too_large = "filen er større end {limit} MB, og det er en kodebog ikke"
    yaml_unreadable = "filen kunne ikke læses ({error})"
    yaml_not_utf8 = "filen er ikke UTF-8; gem den som UTF-8"
    yaml_aliases = "mere end {limit} aliaser (*) — det er ikke en kodebog"
    yaml_alias_loop = "et alias henviser til den værdi, der indeholder det (en løkke)"
    yaml_nested = "værdier indlejret mere end {limit} niveauer"
    yaml_alias_bomb = "med sine aliaser (*) bliver den til mere end {limit} værdier (en aliasbombe)"
    yaml_key_twice = ("nøglen '{key}' står der to gange (første gang i linje {line}); slå de to "
                      "sammen, eller omdøb den ene")
    # personal data
    csv_invalid = "ikke gyldig CSV ({error})"
    empty_file = "(tom fil)"
    name_empty = "navnet (kolonnen 'original') er tomt"
    no_replacement = "'{original}' har ingen erstatning (kolonnen 'replacement')"
    looks_binary = "den ser ud til at være en binær fil"
    # REFI-QDA exchange
    kind_qdc = "en REFI-QDA-kodebog (.qdc)"
    kind_qde = "et REFI-QDA-projekt (.qde)"
    kind_codebook_with_codes = "en REFI-QDA-kodebog med koder"
    kind_code_tree = "et REFI-QDA-kodetræ"
    codebook_without_codes = "CodeBook uden Code-elementer"
    codes_nested = "koder indlejret mere end {depth} niveauer"
    name_twice = "navnet forekommer to gange"
    name_nul = "det indeholder et NUL-tegn"
    name_absolute = "det er en absolut sti"
    name_parent = "'..' ville føre ud af arkivet"
    not_zip = "ikke et zip-arkiv: {error}"
    not_word = "ikke en Word-fil: {error}"
    no_such_file = "filen findes ikke"
    size_mb = "{size} MB"
    members_over = "alle dele fylder tilsammen over {limit} MB"
    member_over = "{size} MB; grænsen er {limit}"
    member_ratio = "{size} MB pakket {ratio:.0f} gange"
    no_plain_text_path = "(intet plainTextPath)"
    refi_convention_codepoints = "tegn (code points), et CRLF tæller 2"
    refi_convention_codepoints_lf = "tegn (code points), et CRLF tæller 1 (ATLAS.ti)"
    refi_convention_utf16 = "UTF-16-enheder, et CRLF tæller 2 (NVivo)"
    refi_convention_utf16_lf = "UTF-16-enheder, et CRLF tæller 1"
    refi_user_guid_twice = "bruger-GUID'en {guid} står der to gange; den første bruger, '{name}', bruges"
    refi_users_same_name = "to brugere hedder '{name}'; den ene kaldes '{unique}'"
    refi_empty_sets = "en tom <Sets/> (ugyldig; skrevet af Taguette)"
    refi_description_unread = ("koden '{name}': beskrivelsen har kvalevals overskrifter, men kan ikke læses "
                               "({detail}); hele teksten er læst som definitionen, uden termer")
    refi_code_set_unknown = "kodesættet '{name}' nævner {n} GUID('er), der ikke er en kode i kodebogen; udeladt"
    refi_settings_code_foreign = "koden '{code}' indeholder ikke kvalevals ordlister; den ignoreres"
    refi_code_colour = "koden '{name}': {note}"
    refi_no_is_codable = "koden '{name}' har intet isCodable"
    refi_code_guid_twice = ("kode-GUID'en {guid} står der to gange; dens kodninger går til den første kode, "
                            "'{first}', ikke '{name}'")
    refi_code_without_name = "en kode uden navn er kaldt '{name}'"
    refi_code_name_twice = "kodenavnet '{name}' forekommer flere gange; én kaldes '{candidate}'"
    refi_no_namespace = "intet XML-navnerum (læst som REFI-QDA 1.0)"
    refi_namespace_variant = "navnerummet '{namespace}' (standarden: '{expected}')"
    refi_namespace_unknown = "ukendt navnerum '{namespace}' (læst som REFI-QDA 1.0)"
    refi_colour_alpha = "farven '{value}' har en alfakanal; skrevet som #{digits}"
    refi_colour_no_hash = "farven '{value}' har intet '#'"
    refi_colour_rgb = "farven '{value}' læst som {hex}"
    refi_colour_unknown = "farven '{value}' er ikke en farve, REFI-QDA kender; udeladt"
    check_qde_members = "arkivet skal indeholde præcis 'project.qde', men indeholder {qde}"
    check_strays = "dele uden for 'sources/': {strays}"
    check_bom = "et BOM før <?xml"
    check_declaration = "ingen XML-erklæring, der siger UTF-8"
    check_namespace = "navnerummet {found!r}, forventet {expected!r}"
    check_no_xmlschema = "xmlschema er ikke installeret; XSD'en er ikke tjekket"
    check_xsd = "XSD-fejl: {where}: {reason}"
    check_guids_twice = "GUID'er brugt mere end én gang: {guids}"
    check_dangling = "<{element}> peger på {target}, som ikke er i filen"
    check_not_a_user = "<{element} {attribute}='{user}'> er ikke en User"
    check_missing_member = "{value} er ikke i arkivet som sources/{member}"
    check_member_bom = "{member} begynder med et BOM"
    check_member_not_utf8 = "{member} er ikke UTF-8"
    check_member_cr = "{member} har CR-linjeskift"
    check_selection_outside = "markeringen {guid} {start}:{end} ligger uden for {member} ({length} tegn)"
    refi_links = "forbindelser (Links)"
    refi_graphs = "grafer (Graphs)"
    # model coder
    not_model_file = "ikke en modelfil fra 'kvaleval train' ({error})"
    member_inflates = "den fylder mere udpakket, end dens hoved angiver eller grænsen tillader"


class _WarningsEnglish:
    """The English texts of ``Warnings``, under the same codes."""


    W001 = "Skipped {path}: {reason}"
    W002 = ("{path}: the file has no row in metadata.csv; it gets no attributes from there (a survey's own "
            "columns still become attributes of each respondent).")
    W003 = ("metadata.csv names {path}, which is not in the corpus folder; "
            "the row is ignored. Check the file name in the 'file' column.")
    W004 = ("{path}: read as {encoding}, which is a guess; check æ, ø and å in the "
            "segment table. Save the file as UTF-8 to be sure.")
    W005 = "metadata.csv has {n} rows for {path}; the first one is used."
    W006 = ("{path}: {n} cells hold formulas; their cached values were read and "
            "nothing was evaluated.")
    W007 = "{path}: removed {n} NUL characters from the text."
    W008 = ("{path}: the file mixes UTF-8 with another encoding; {n} byte(s) were read as "
            "cp1252. Check æ, ø and å in the segment table, and save the file as UTF-8.")
    W009 = ("an Office lock file (the document is open in Word, Excel or LibreOffice), not a "
            "transcript; close the document, and delete the lock file if it stays.")
    W010 = ("a link to {target}, outside the corpus folder; it is not read. Copy the file "
            "into the corpus folder if it belongs to the corpus.")
    W011 = ("a link to a folder; links to folders are not followed. Move the folder into the "
            "corpus folder if it belongs to the corpus.")
    W012 = ("a link to {target}, which leads to no file (it does not exist, or links point in a circle); "
            "remove the link.")
    W013 = "not a regular file (a pipe, socket or device); it is not read."
    W014 = ("{path}: {n} formula cell(s) have no saved value (the file was not last saved by "
            "Excel); the formula text is kept as written and nothing was evaluated.")
    W015 = ("{path}: the workbook has {n} sheets; only '{sheet}', the first with answers under "
            "its headers, was read. Save each sheet with answers as its own file to read the others.")
    W016 = ("{path}: the workbook links to {n} external file(s); the links were not followed "
            "and only the values saved in the workbook were read.")
    W017 = ("{path}: the text before the first speaker tag ({excerpt}) is read as a header, "
            "not as a turn, and is not coded. Tag it if it is spoken.")
    W018 = "metadata.csv, line {line}: the row has no file name in column 'file'; it is ignored."
    W019 = ("{path}: no column with respondent ids (such as 'respondent_id', 'id' or 'løbenr'); "
            "the row number is used as the id. Name the column with id_column=... (on the command line: "
            "--id-column NAME) if there is one.")
    W020 = ("{path}: the line(s) above the column headers ({excerpt}) are read as a title, "
            "not as answers.")
    W038 = ("metadata is read from metadata.csv only; this file is read neither as metadata nor as a "
            "document. Save the sheet as CSV (UTF-8) under the name metadata.csv.")
    W039 = ("{path}: read as a transcript, not a survey: the column '{speaker}' is the speaker and '{text}' "
            "what was said ({n} turns); the other columns ({others}) are times.")
    W040 = ("{path}: open answers from {n} column(s): {open}; the others ({attributes}) are background "
            "data (attributes). If that is wrong, name the open columns with --text-column.")
    W041 = ("{path}: {n} hidden column(s) ({columns}) are not read – hidden in Excel is often internal (a "
            "caseworker's note). To read them, unhide them in Excel and save the file again.")
    W050 = ("{path}: {n} hidden row(s) ({rows}) are read – a row hidden in Excel (filtered out, say) is still "
            "an answer. If they should not count, delete the rows in the file.")
    W042 = ("{path}: {n} of the PDF's {pages} pages hold no text (page {listed}): scanned pages or images; "
            "they are not read. If they hold speech, run text recognition (OCR) on the file first.")
    W043 = ("{path}: page headers, footers and page numbers are removed from the PDF's pages ({n} lines, e.g. "
            "{excerpt}); they are the page's layout, not speech. If any of it was said in the interview, save the "
            "transcript as .docx.")
    W044 = ("{path}: no named speakers, but changes of speaker marked '>>'; they are read as two speakers "
            "taking turns, 'Taler 1' and 'Taler 2'. If more than two speak, write the name after '>>' (>> Mette: ...).")
    W045 = ("{path}: {parts} in the document are not read, as they are not speech (e.g. {excerpt}); they are "
            "neither coded nor quoted. If any of it was said in the interview, move it into the text.")
    W046 = ("{path}: most of the text is in {n} text box(es), as when a PDF is saved as Word; they are read "
            "after the paragraph they are anchored in. Check the order in the segment table, or copy the text out "
            "of the text boxes.")
    W047 = ("{path}: the sheets {sheets} have the same columns and are read as one survey; each answer's sheet "
            "is in the column '{column}'. Other sheets are not read: {others}.")
    W048 = ("{path}: {n} letter(s) were encoded twice over (UTF-8 read as the Windows code page and saved again: "
            "'Ã¸' for 'ø', 'Ã¦' for 'æ') and have been set right. Check æ, ø and å in the segment table, and "
            "preferably export as UTF-8 straight from the survey tool.")
    W049 = ("{path}, line {line}: '{value}' in column '{column}' is read as {decimal_read} (a decimal comma, "
            "as in Danish), but may be {thousands_read} (a thousands comma, as in English); the column's other "
            "numbers do not show which is meant. Write {thousands_read} or {thousands} if it is thousands, and "
            "{decimal_read} if it is a decimal.")
    W032 = ("conclusion '{conclusion}' is limited by where: to the attribute '{attribute}', which the corpus "
            "does not have, so no respondent is in it (0/0). Attributes in the corpus (from metadata.csv, "
            "a survey column or the project's variables): {attributes}.")
    W033 = ("conclusion '{conclusion}' is limited by where: to {attribute} = {unknown}, which no respondent "
            "has. The values in the corpus: {values}. Spelling must match; case does not matter.")
    W021 = ("conclusion '{conclusion}' names group(s) {unknown} that no respondent belongs to, so they "
            "show 0/0. Groups in the corpus ('respondent_group' from metadata.csv, a group column or the "
            "project's variable): {groups}. Spelling "
            "must match; case does not matter.{near}")
    W022 = ("{path}: column '{column}' has no answers in the first {n} rows but free text further down, "
            "so it was read as an attribute, not as answers. Name it with text_columns=[...] (on the "
            "command line: --text-column) to read it as answers.")
    W023 = ("{path}: the {rows} row(s) under the column headers are more headers (question texts, variable "
            "names or options, as Qualtrics, SurveyXact, Enalyzer and SurveyMonkey write them), not answers; the "
            "question texts are the answers' questions.")
    W024 = ("{path}: {n} respondent id(s) are on more than one row (e.g. '{example}'); the rows of one id "
            "count as one respondent in all (but in each group their rows are in, if their background data "
            "differ). If they are different people, name another id column with "
            "id_column=... (on the command line: --id-column).")
    W027 = ("{path}: {n} row(s) repeat an earlier row – the same id and the same answer in every column (a "
            "response sent twice); they are read once.")
    W028 = ("an appendix kvaleval wrote here ({n} files); it is not read as part of the corpus. "
            "Write the appendix outside the corpus folder (--out), so it does not lie among the transcripts.")
    W029 = ("{path}: column '{column}' is used as the respondent's group (respondent_group) in tables and "
            "conclusions; it is also kept under its own name.")
    W030 = ("{path}: column(s) {columns} of the transcript table are comments, not speech: {n} cell(s) "
            "were not read into the turns, so they are neither coded nor quoted. Write it into the text "
            "column if it was said in the interview.")
    W037 = ("{path}: {n} row(s) have text in cells right of the last column header; that text has no "
            "question and is not read. Check whether a semicolon or comma in an answer lacks quotes.")
    W031 = ("{path}: no speaker tags, but the questions are in bold or italics; they are read as the "
            "interviewer's turns and the plain paragraphs after them as the respondent's answers. Tag the "
            "turns (I:, B:) if that is wrong.")
    W026 = ("{path}: {n} row(s) with {labels} in the id column are rows of sums or counts, not respondents; "
            "they are not read.")
    W025 = ("{path}: column '{column}' has no answers in the whole file, so there is nothing to code in it. "
            "Check that it is the right file, and that the answers are not in another column.")
    # 1xx segmenting
    W101 = ("{path}: interviewer taken to be {speaker} (asks most questions); name the interviewer in "
            "metadata.csv column 'interviewer' if this is wrong.")
    W105 = ("{path}: metadata.csv names the interviewer {named}, but no speaker is called so; the interviewer "
            "is taken to be {speaker} (asks most questions). Write the name as the speaker tag has it (e.g. "
            "'MH') in the column 'interviewer'.")
    W102 = ("{path}: no speaker tags found, so the text is read as one respondent's text in {n} paragraphs, "
            "but it asks {questions} questions, which are then coded as answers. If it is an interview, "
            "mark who speaks, e.g. 'I:' and 'B:' at the start of the line (see docs/input-formats.md).")
    W103 = ("{path}: no speaker tags, but replies opened by dashes; they are read as two speakers taking turns, "
            "'Taler 1' and 'Taler 2'. If that is wrong (two replies in a row by one person), mark who speaks, "
            "e.g. 'I:' and 'B:' at the start of the line.")
    W104 = ("{path}: only the interviewer is tagged; the lines after each question are read as the "
            "respondent's answer. Tag the answers (B:) if that is wrong.")
    # 2xx
    W201 = "{path}: code '{code}' has no terms, near cues or patterns; the rule coder never codes it."
    W202 = ("{path}: code '{code}', near cue word '{word}' is not a lexicon, so it matches only that word. "
            "Did you mean the lexicon '{lexicon}'? Write its name exactly as under 'lexicons:'.")
    W204 = "{path}: code '{code}', terms {terms} {problem}."
    W205 = ("{path}: the codebook says language: {language}, but the rule coder reads Danish: inflections, "
            "compounds, negations (ikke, aldrig) and valence words are Danish, so text in another language "
            "is coded on the terms as written only, and without a true valence. Code it with human codings "
            "or a model coder (train).")
    W203 = ("{path}: code '{code}' is a grouping code (codable: false), so its {what} are never used; it "
            "counts its sub-codes. Move them to a sub-code, or remove 'codable: false'.")
    # 3xx
    W301 = ("Personal data is NOT pseudonymised in this output (pseudonymise=False). "
            "Do not share it.")
    # 6xx REFI-QDA exchange
    W601 = "{path}: read with tolerance: {items}."
    W602 = ("{path}: {n} note(s) on the import (offset conversions, skipped sources or "
            "selections); see corpus.notes and corpus.skipped.")
    W603 = "{doc_id}: the text has CR line ends; it is written with LF and the offsets are moved to match."
    W604 = ("{n} coding(s) name no segment of the segment table (or no code) and are not "
            "exported, e.g. {examples}.")
    W605 = "Code(s) {codes} occur in the codings but not in the codebook; they are written as top-level codes."
    W606 = ("{n} reference(s) from memos, sets and annotations to documents or codes that are not in the "
            "coded corpus or the codebook (or to a text that has changed) were left out: {names}.")
    W610 = ("{source}: {n} selection(s) lie (partly) outside the text of {length} characters; "
            "they were clipped or dropped: {guids}.")
    W611 = ("{source}: {n} selection(s) begin or end inside a character (surrogate pair, "
            "combining mark or emoji modifier): {guids}.")
    W612 = ("{source}: offsets read as {convention} (origin '{origin}'); {share:.0%} of the "
            "selection boundaries fall on word boundaries.")
    W613 = ("{source}: the text file '{member}' is not in the archive; the source and its {n} "
            "coding(s) are skipped.")
    W614 = ("{source}: the text file is empty; the text was taken from the Word file '{member}'. "
            "Check that the codings cover the right words.")
    W615 = "{source}: {kind} sources are not read (text only); {n} coding(s) on it are skipped."
    W616 = "{source}: {n} coding(s) name a code that is not in the codebook; they are skipped."
    W617 = "{source}: the text file is not UTF-8; it was read as {encoding}. Check æ, ø and å."
    W618 = ("{source}: {n} coded selection(s) cover no respondent text (only interviewer turns "
            "or blanks); they are in read_qdpx_selections() but code no segment, and write_qdpx and code "
            "do not write them back.")
    W619 = ("{source}: the text differs from the one kvaleval exported (edited in another "
            "tool?); it is segmented anew.")
    W620 = "{source}: the text is empty; the source is skipped."
    W621 = "{source}: the text lies outside the archive ({path}); only files inside the .qdpx are read."
    W622 = "{source}: {n} selection(s) have no valid startPosition/endPosition and are skipped."
    W623 = ("{source}: interviewer taken to be '{speaker}' (asks most questions); pass "
            "interviewers=[...] if this is wrong.")
    W624 = ("{source}: variable '{variable}' is '{value}' and '{other}' in different cases or document groups; "
            "'{value}' is used.")
    W625 = ("{source}: {n} non-blank characters are in no segment, e.g. {excerpt} (text before "
            "the first speaker tag?); selections there code nothing.")
    W626 = ("{source}: {n} coding(s) on areas of the PDF's pages are not read; the PDF's text and "
            "the codings on its text are.")
    W627 = ("{source}: the text is UTF-8 but {n} byte(s) are not; they were read as cp1252 (one "
            "character each), so the offsets after them are right. Check æ, ø and å around them.")
    W628 = ("{source}: {n} byte sequence(s) could not be decoded as {encoding} and were replaced by "
            "U+FFFD (�); selections around them may be shifted.")
    W629 = "{path}: the project's {n} {kind} are not read (kvaleval has no place for them), e.g. {names}."
    W630 = ("{path}: {n} source GUID(s) are on more than one source ({guids}); each source is read as "
            "a document of its own with the selections in it.")
    W631 = ("{path}: {n} selection GUID(s) are on more than one selection ({guids}); each selection is "
            "read on its own.")
    W632 = ("{path}: {n} GUID(s) are both a user and a code ({guids}); they are kept apart: in "
            "creatingUser the GUID is the user, in CodeRef the code.")
    W633 = ("{source}: {n} selection(s) end before they begin (startPosition after endPosition) and are "
            "skipped: {guids}.")
    W634 = ("{path}: {n} reference(s) from memos and sets to things kvaleval does not read (pictures, "
            "audio, video, selections in them, codings of a whole source, unknown GUIDs) are not in "
            "corpus.memos/corpus.sets and are not written again; the memos and sets themselves are.")
    W635 = "Memo '{memo}': its text ({path}) could not be read; the memo is kept without text."
    W636 = ("{path}: {n} memo GUID(s) are on more than one memo ({guids}); each memo is read by itself, and a "
            "reference to the GUID is attached to all of them.")
    W638 = ("{source}: {n} coding(s) of the whole source (a Coding without a selection) are read as codings of "
            "each respondent turn; write_qdpx and code write them back as selections over the turns, not over "
            "the whole source, and the interviewer's turns are left out.")
    W639 = ("{path}: {n} coding(s) were made by a user the project does not list under Users ({guids}); the "
            "coder is named by the GUID in the codings and in a new export, listed under Users with that GUID.")
    W640 = ("{path}: creation and modification times of {n} item(s) (sources, selections, codings, cases) and "
            "who created the sources and last changed anything are not carried: a new export writes kvaleval's "
            "fixed time (so it is byte-stable), and selections and codings are owned by their coder. Memos keep "
            "their author and creation time.")
    W641 = ("{path}: {n} reference(s) from cases to things kvaleval does not read (pictures, audio, video, "
            "selections outside their text, unknown GUIDs) are not in corpus.cases and are not written again; "
            "the cases themselves are.")
    W642 = ("{path}: {n} PDF source(s) are read through their text and written again as text sources with that "
            "text and its selections; the PDF file itself and selections of areas on its pages are not: {names}.")
    W643 = ("{path}: {n} source(s) have a formatted version (richTextPath, e.g. NVivo's .docx), which is not "
            "written again; only the text is: {names}.")
    W644 = ("{n} selection(s) read from a project are written as pieces with new GUIDs, because not all their "
            "respondent turns (or pieces of turns) are still coded with the code by the coder with one valence, "
            "score and reason – a selection is one stretch of text: {guids}.")
    W645 = ("{path}: {n} selection(s), coding(s) and variable value(s) inside memos (a coded memo) are not read "
            "and not written again; the memos themselves, their text and references are.")
    W646 = ("{path}: {n} variable(s) have the name of another variable ({names}); kvaleval knows a variable by "
            "its name, so their values are read under that name, and a new export writes one variable of that "
            "name (the first's GUID and type).")
    W647 = ("{path}: {n} selection(s) and memo(s) were made by a user the project does not list under Users "
            "({guids}); the user is named by the GUID and written again under Users with that GUID.")
    W649 = ("{path}: {n} code(s) were added in another program since kvaleval wrote the codebook and have no "
            "terms, near cues or patterns, so the rule coder never codes them: {codes}. Write the terms into "
            "the code's description ('Termer: ...', see docs/refi.md) or into the YAML codebook.")
    W650 = ("{path}: the codebook was changed in another program since kvaleval wrote it: renamed {renamed}; "
            "gone (merged into another code or deleted, and their terms with them) {gone}. Correct "
            "conclusions that name the old names, and move the terms of a code merged into another into "
            "that code's description.")
    W648 = ("{path}: the code set(s) {sets} name {n} code(s) that are not in the codebook ({codes}); they are "
            "left out of the set (the code was renamed or removed since the set was read).")
    W637 = ("The REFI-QDA project ({path}) is not written: {detail} The rest of the appendix is written; "
            "see docs/refi.md.")
    # 8xx human coding
    W801 = ("{path}: sheet '{sheet}', column(s) {columns} are not codes and were not read (codes: "
            "{codes}). If a column is a code whose header was changed, write the code's name back.")
    W802 = ("{path}: column(s) {columns} are not read. A coding CSV has the columns segment_id "
            "(or doc_id and turn_index), code, and optionally valence and coder (Danish: segment, "
            "dokument, tur, kode, valens, koder).")
    W803 = ("{path}: {n} respondent turns of the documents in the sheet are not in it ({examples}); were "
            "rows deleted? They count as turns the coder was not given, not as 'not coded'.")
    W804 = ("coder '{coder}' coded in {n} of {total} documents; in the others every turn counts as 'not "
            "coded' by {coder}, and κ drops for nothing. If {coder} is a second coder of a sample, use "
            "--shared-documents.")
    W805 = ("the gold coding has codings in {n} of {total} documents; in the others every rule coding counts as a "
            "false positive. If the gold is a sample, use --shared-documents (only documents with gold codings).")
    W806 = ("{path}: the sheet has no column for the theme(s) {codes} that the other coding sheets have (made "
            "before the codebook changed?); they count as missing for {coder}, not as 'not coded'. Give {coder} "
            "a new sheet ('kvaleval sheet') to include them.")
    # 7xx personal data
    W701 = ("{path}, line {line}: '{original}' has fewer than two letters and is not "
            "searched for as a name. Write the full name.")


class _ErrorsEnglish:
    """The English texts of ``Errors``, under the same codes."""


    # 0xx reading
    E001 = ("Corpus folder not found: {path} (full path: {absolute}). Check the path; a relative path is read "
            "from the folder you run in ({cwd}).")
    E002 = "{path} is not a folder. Give the folder that holds the transcripts."
    E003 = ("No readable documents in {path}. Supported formats: {formats}. "
            "Skipped: {skipped}")
    E004 = "Unsupported file type '{suffix}' for {path}. {advice}. Supported formats: {formats}."
    E005 = ("{path} is empty (it holds no text). Remove it from the corpus folder, or save "
            "the transcript into it again.")
    E006 = ("{path} could not be decoded as text (it looks binary). If it is a "
            "transcript, save it as .txt (UTF-8) or .docx.")
    E007 = "{path} is not a valid {kind} file ({detail}). Open and re-save it in {app}."
    E008 = ("{path} has no 'file' or 'filnavn' column (columns found: {columns}). Add a column 'file' "
            "with each document's path relative to the corpus folder, and separate the "
            "columns with ',' or ';'.")
    E009 = ("Could not read {path} ({detail}). Save it as CSV (UTF-8) with a "
            "'file' column, or remove it.")
    E010 = ("{path}: no column with respondent ids. Name one with id_column=..., or "
            "call it 'respondent_id', 'id' or 'løbenr'. Columns: {columns}.")
    E011 = ("{path}: no open-answer columns found. Name them with text_columns=[...] (on the command "
            "line: --text-column NAME, once per column). Columns: {columns}.")
    E012 = "{path}: column(s) {missing} not found. Columns: {columns}."
    E013 = ("{path}: could not be read ({detail}). Check that the file is not damaged or "
            "locked by another program, and save it again.")
    E014 = ("{path}: the archive is too large or has too many members ({detail}); it is not "
            "read, as it may be a zip bomb. Open and re-save it, or split the document.")
    E015 = ("{path}: {size} MB is more than the limit of {limit} MB for one document. "
            "Split the file, or raise max_bytes.")
    E016 = ("{path} has rows with different values for {files}; each file "
            "needs one row. Delete the wrong row.")
    E017 = ("{path}, line {line}: '{value}' in column '{column}' is not a number. "
            "Write a number such as 120, 87,5 or 30 % (a target also as 'mindst 40' or 'højst 5'; a milestone "
            "as ja/nej in both target and achieved); if the "
            "number is not known yet, remove the indicator, or put # before its name.")
    E018 = "{path} is {kind}, not a text file. {advice}."
    E019 = ("{path}: '{member}' declares a DTD or XML entities, which {kind} files never do; "
            "the file is refused because it may be hostile (XXE, entity expansion). Open and "
            "re-save it in {app}, or ask for a new copy.")
    E020 = "{path} is password-protected. Remove the password in {app} and save it again."
    E021 = ("{path} holds no answers, only the header line ({columns}). Export the survey "
            "again with the responses.")
    E022 = ("{path}, line {line}: '{value}' in column 'retning' is not a direction. Write 'højere' "
            "(higher is better: {higher}) or 'lavere' (lower is better: {lower}).")
    E023 = ("{path}, line {line}: column '{column}' is empty. Write the number, or remove the indicator, or "
            "put # before its name.")
    E024 = "Indicators file not found: {path}. Check the path (--targets)."
    E025 = ("{path}, line {line}: the weight (column 'vægt') is {value}; a weight must be more than 0. "
            "Write a positive number (an empty weight is 1), or remove the indicator.")
    E026 = ("{path}, line {line}: the row has {fields} fields where the header ({header}) has {columns}. "
            "A decimal comma in a file separated by '{delimiter}' splits the number: put the number in "
            "quotes (\"72,5\") or separate the columns with ';' (as Danish Excel saves CSV).")
    E027 = ("{path} holds no indicators (the file is empty or has only headings). Write one row per "
            "indicator under the columns indikator, mål and opnået, or leave out --targets.")
    E028 = ("{path}, line {line}: indicator '{name}' is also on line {first}; it would count twice in the "
            "overall attainment. Give each indicator a name of its own (e.g. with a year: '{name} 2025'), "
            "or remove one.")
    E029 = ("{path}: the PDF holds no text, only images of its pages ({pages} page(s)): it was scanned or saved "
            "as images. Run text recognition (OCR) first, e.g. in Adobe Acrobat or with ocrmypdf, or type the "
            "text into a .docx or .txt file.")
    E030 = ("{path}: the PDF is encrypted ({detail}), so its text cannot be read. Save a copy without protection "
            "(in Adobe Acrobat: Properties > Security > No Security), or copy the text into a .docx or .txt file.")
    E031 = ("{path}: the indicators must be a table, .csv, .xlsx or .docx, with the columns indikator, mål and "
            "opnået, not '{suffix}'. {advice}.")
    E032 = ("{path}: none of the sheets {sheets} has the columns indikator, mål and opnået in a row. The first "
            "sheet's first row has {columns}. Write the headers indikator, mål and opnået above the indicators.")
    E033 = ("{path}, line {line}: the target '{value}' gives the direction '{direction}', but the column 'retning' "
            "says '{given}'. Correct one of them, or leave 'retning' empty.")
    E034 = ("{path}, line {line}: '{percent}' in column '{percent_column}' is a percent, but '{fraction}' in "
            "column '{fraction_column}' looks like a fraction (0,88 is 88 %); they would be compared as written. "
            "Write both as a percent ('88 %') or both as a fraction ('0,88').")
    E035 = ("{path}, line {line}: the column 'opfyldt' says '{said}' of '{name}', but achieved {achieved} against "
            "the target {target} with the direction '{direction}' says the opposite. Is the direction missing "
            "('lavere': lower is better), or a number wrong? Correct it, or delete the column 'opfyldt' (kvaleval "
            "works it out).")
    E036 = ("{path}: none of the document's {n} table(s) has the columns indikator, mål and opnået in a row; the "
            "first table's first row has {columns}. Write the headers indikator, mål and opnået above the "
            "indicators in the table (a bulleted list or running text is not read as indicators).")

    # 1xx segmenting
    E101 = "{doc_id}: segment offsets do not match the document text at {start}:{end}."

    # 2xx codebook and conclusions
    E201 = "Codebook not found: {path}.{hint}"
    E202 = "{path} is not valid YAML: {detail} (line {line}). Check indentation and quotes."
    E203 = "{path} has {n} problem(s):\n{problems}"
    E204 = "{path}: the codebook must be a YAML mapping with 'name' and 'codes'."
    E205 = "Conclusions file not found: {path}.{hint}"
    E206 = ("{path}: conclusion '{conclusion}' names theme(s) {themes} that are not in "
            "the codebook. Codes: {codes}. Themes as the appendix writes them: {labels}.")
    E207 = "Unsupported codebook format '{suffix}' for {path}. Use .yaml, .yml or .qdc."
    E208 = ("{path}: code '{code}', pattern {number} is not a valid spaCy Matcher pattern: {detail}. "
            "See https://spacy.io/usage/rule-based-matching for the token attributes.")
    E209 = "{path} is a folder, not a {kind}. Give the file{found}."
    E210 = ("{path}: the conclusions must be a YAML file (.yaml or .yml), not '{suffix}'. If it is the indicators, "
            "give it with --targets (in Python targets=).")

    # 3xx coding
    E301 = "Unknown method '{method}'. Use one of: {methods}."
    E302 = "Unknown code '{code}'. Codes: {codes}."
    E303 = "The table is missing column(s) {missing}. Columns found: {columns}."
    E304 = "Unknown attribute '{by}' to group by. Available: {columns}."
    E305 = ("The model has {n} training segments: give human codings of at least one document "
            "whose segments are in the segment table.")
    E306 = ("No model: code with kv.code(corpus, codebook, model=kv.ModelCoder(codebook).fit(segments, "
            "human_codings)) before asking for a review queue.")
    E307 = "Could not read the model {path}: {detail}. Give a file written by 'kvaleval train' (.json)."
    E308 = ("All {n} respondent segments are already in the model's training data, so there is nothing "
            "left to suggest. Run review on material that is not hand-coded yet (new interviews).")
    E309 = ("Method '{method}' needs a fitted model: kv.code(corpus, codebook, "
            "model=kv.ModelCoder(codebook).fit(segments, human_codings)). Without one, use method='rules'.")
    E310 = ("This ModelCoder is not fitted yet; call fit(segments, codings) first, or load a model "
            "with ModelCoder.from_json().")
    E311 = "{function}: the argument '{argument}' must be {expected}; got {got}. {hint}"
    E312 = ("{function}: valence={value!r} is not a valence. Use one of {valences} (Danish spelling), "
            "or None for every valence.")
    E313 = ("{where}: the id column '{column}' has the same id for several texts ({examples}); the codings "
            "and frequencies cannot tell them apart. Give code_frame(..., id=) a column that is unique for "
            "each text (e.g. the respondent number and the question joined, or segment_id), and code again.")
    E314 = ("code_frame: item {position} in part {partition} of the Dask bag is {kind}, not a text or a "
            "mapping (dict). Give a bag of texts (the ids become 'part:position'), or of mappings with the keys "
            "{keys}.")
    E315 = ("code_frame: item {position} in part {partition} of the Dask bag lacks the key '{key}' (has: "
            "{found}). Name the keys with text=, id= and question=.")
    E316 = ("{function}: none of the {n} codings has a segment_id that is in the segment table (e.g. "
            "'{coding}' in the codings, '{segment}' in the segments), so every count would be 0. Give "
            "the segment table the codings were made on.")

    # 5xx report
    E501 = "Could not write {path}: {detail}. Check that the folder is writable and the file is not open in Excel."
    E502 = "{path} exists and is not a folder; give a folder for the appendix."
    E503 = ("The tables cannot be grouped by '{column}': the column holds personal data ({kind}), which "
            "would then stand in the tables' headings. If the word replaced is no name (a unit such as "
            "'Plejecenter Solvang'), keep it with --keep WORD (keep= in kv.write_appendix); otherwise group "
            "by another column, or write the appendix without pseudonymisation for internal use.")

    E504 = ("{path} holds files with the appendix's names ({files}) that kvaleval did not write (the folder has "
            "no kvaleval_filer.txt); they would be overwritten. Choose an empty folder for the appendix, or move them.")
    E505 = ("{path} is open in Excel (its lock file {lock} is beside it), and Excel does not let other programs "
            "write over an open file. Nothing was written. Close the file in Excel and run the command "
            "again; if Excel is closed, delete the lock file.")

    # 6xx REFI-QDA exchange
    E601 = ("{path}: not a readable REFI-QDA project ({detail}). Export it again from the QDA "
            "program as a REFI-QDA project (.qdpx).")
    E602 = ("{path}: the archive member '{member}' is refused because {reason}; nothing was "
            "read or written. The file is damaged or hostile: ask for a new export.")
    E603 = ("{path}: the archive member '{member}' is too large or too compressed ({detail}); it "
            "looks like a zip bomb and nothing was read. If the project really is this large, "
            "raise the limits with limits=ArchiveLimits(...).")
    E604 = ("{path}: the archive has {n} members, more than the limit of {limit} (first one "
            "over: '{member}'); nothing was read. Raise limits=ArchiveLimits(max_members=...) "
            "if the project really is this large.")
    E605 = "{path}: '{member}' is not valid XML ({detail}). Export it again from the QDA program."
    E606 = ("{path}: '{member}' declares a DTD or entities ({detail}). REFI-QDA files never "
            "need them, so the file is refused (protection against XXE and entity expansion).")
    E607 = ("{path}: no project.qde (or other .qde file) in the archive; members: {members}. "
            "Is this a REFI-QDA project?")
    E608 = "{path}: '{member}' is not {kind} (found {root})."
    E609 = "{path}: could not be written ({detail}). Check that the folder is writable."
    E610 = "{path}: the archive holds {n} .qde files ({names}) and none is project.qde."
    E611 = "{path}: could not be read ({detail})."
    E612 = ("{path}: the code '{code}' has the name kvaleval uses for the hidden group code that "
            "carries the codebook's own fields (lexicons, lemmas, valence words); the two would share a "
            "GUID and the code would be lost. Rename the code in the codebook (and in the codings) and "
            "write again. Nothing was written.")
    E613 = ("{path}: a REFI-QDA project has its own texts and turns, so its coders are compared on the "
            "project's turns; it cannot be mixed with coding sheets, coding CSVs or --corpus. Give agreement "
            "the projects alone (one project with every coder, or each coder's copy of the same project).")

    # 7xx personal data
    E701 = ("Pseudonyms file not found: {path}. Give a CSV file with the columns "
            "'original' and 'replacement'.")
    E702 = "{path}: could not be read as text ({detail}). Save it as CSV (UTF-8)."
    E703 = ("{path}: the first line must name the column of names ('original', 'navn' or 'name') and "
            "the column of replacements ('erstatning', 'replacement' or 'pseudonym'), separated by ',' "
            "or ';'; found: {columns}.")
    E704 = ("{path}, line {line}: {problem}. Each row holds a name and its replacement, "
            "e.g. 'Hanne;[borger 3]'.")
    E705 = ("{path}, line {line}: '{original}' already has the replacement '{first}' on "
            "line {first_line}, not '{second}'. Keep one row per name.")
    E706 = ("Pseudonyms must map names to replacements, both text; got {pair}. "
            "Example: {{'Hanne': '[borger 3]'}}.")
    E707 = "{what} must be text; got {value!r} ({kind})."
    E708 = "pseudonymise() needs a str; got {kind}. Skip missing values or convert with str()."
    E709 = "suppress_small: k must be a whole number of at least 1; got {k!r}."
    E710 = "suppress_small: column(s) {missing} not found. Columns: {columns}."
    E711 = ("suppress_small: column '{column}' holds {value!r}, which is not a count. "
            "Give only count columns (whole numbers or 'n/N').")

    # 8xx human coding sheets, agreement, evaluation (E800-E849)
    E800 = "Coding file not found: {path}. Give a filled coding sheet (.xlsx) or a CSV of codings."
    E801 = ("{path}: unsupported coding file type '{suffix}'. Use .xlsx (a sheet from "
            "'kvaleval sheet') or .csv.")
    E802 = ("{path}: could not be read ({detail}). Open it in Excel or LibreOffice and save it "
            "again as .xlsx or as CSV (UTF-8).")
    E803 = ("{path}: no sheet has 'segment_id' in its first row (sheets: {sheets}). Use the "
            "sheet written by 'kvaleval sheet' and keep its header row.")
    E804 = ("{path}: the header must name {needed}; found: {columns}. A coding CSV has the "
            "columns 'doc_id, turn_index, code[, valence, coder]' or 'segment_id, code[, valence, coder]'.")
    E805 = "{path} has {n} problem(s); nothing was read. Correct them and read the file again:\n{problems}"
    E806 = ("{where}: {value!r} is not a coding. Write 1 (coded), 0 (not coded) or leave the "
            "cell empty; 'x', 'ja' and '✓' count as 1, 'nej' and '-' as 0.")
    E807 = ("{where}: {value!r} is not a valence. Write positiv, negativ, blandet or neutral, or leave "
            "it empty (neutral).")
    E808 = "{where}: a valence is given but the code is not marked 1. Set the code to 1 or clear the valence."
    E809 = ("{where}: segment '{segment}' is not in the corpus. Check that the file was made "
            "from this corpus and that the id was not edited.")
    E810 = "{where}: the row has no segment id. Do not clear or edit the id column."
    E811 = "{where}: segment '{segment}' is listed again (first in {first}). Keep one row per segment."
    E812 = "{where}: '{code}' is not a code of the codebook. Codes: {codes}."
    E813 = "{where}: turn index {value!r} is not a whole number (0 is the document's first turn)."
    E814 = "{where}: document '{doc_id}' has no turn {turn}; its turns are 0-{last}."
    E815 = ("{where}: document '{doc_id}' is not in the corpus. A document is named by its path "
            "in the corpus folder without suffix, e.g. 'interviews/borger03'.")
    E816 = ("{where}: '{segment}' is an interviewer turn, which is never coded. Check the turn "
            "numbering (0-based, interviewer turns included).")
    E817 = ("{where}: '{code}' has the valence '{first}' in {first_where} and '{second}' here. "
            "Keep one valence per segment and code.")
    E818 = "{where}: the code is empty. Name the code on every row."
    E820 = ("Agreement needs at least two coders; the codings have {coders}. Give each coder's file "
            "(on the command line: two files, or --rules to compare with the rule coder; in Python: "
            "kv.read_human_codings([file1, file2], segments=...), which also keeps the turns each "
            "sheet covers).")
    E821 = "Coder(s) {missing} have no codings. Coders found: {coders}."
    E822 = ("{n} coding(s) name segments that are not among the units, e.g. {examples}. Pass "
            "the segment table the codings were made from.")
    E823 = "n_boot must be a whole number, 0 (no interval) or more; got {value!r}."
    E824 = ("Coder '{coder}' is in both {first} and {second}. Give each file its own coder (the "
            "'coder' column, the sheet's 'Koder:' cell, or the file name).")
    E830 = ("The gold codings have {n} coders ({coders}); evaluate scores against one. Select "
            "one, e.g. gold[gold['coder'] == '{first}'].")
    E831 = "Coder '{coder}' is not in the codings. Coders: {coders}."
    E832 = "The gold codings are empty; there is nothing to score against ({source})."
    E833 = "evaluate() needs a Coded result or a codings DataFrame; got {kind}."
    E840 = "The segment table has no respondent segments; there is nothing to code."
    E841 = "The codebook has no codes; a coding sheet needs at least one."
    E842 = ("evaluate() cannot tell which turns are the units: pass segments= (the segment table "
            "the codings were made from), a Coded result, or gold read from a coding sheet with "
            "read_human_codings(). Without them a turn nobody coded would not be counted.")
    E843 = ("--out {out} is also an input file ({input}); writing it would destroy the input. "
            "Nothing was written. Give another file name with --out.")
    E844 = ("--out {out}: this command writes {kind}, so the file name must end in {suffixes}, "
            "not '{suffix}'. Nothing was written.")
    E845 = ("{path} is a coding sheet with {n} filled cell(s) (codings, valences or comments); "
            "writing a new sheet over it would lose them. Nothing was written. Give "
            "another file name with --out, or add --force to overwrite it.")
    E846 = ("sheet '{sheet}' has no column for code(s) {codes}, which {source} lists; read as they "
            "are, every turn would count as not coded with them.{unread} Copy the column(s) back from a "
            "fresh sheet ('kvaleval sheet') or correct the header, or read with a codebook without those codes.")
    E847 = ("{path}: more than one sheet holds codings: {sheets}. Keep the codings in one sheet "
            "(copy them into 'Kodning' and delete the copy) and save again.")
    E848 = ("{where}: the formula {formula!r} has no saved value, so it cannot be read. Open the "
            "file in Excel or LibreOffice and save it again (that stores the values), or type the value.")
    E849 = ("{path}: the model was trained with the codebook {codebook}, which {problem}; without "
            "it the rule features are missing and the model would code differently. Pass the codebook: "
            "ModelCoder.from_json(path, codebook=kv.read_codebook(...)) (on the command line: --codebook).")
    E850 = ("--documents {patterns} matched no document. Document ids are paths in the corpus folder "
            "without suffix, e.g. {examples}; quote the pattern ('interviews/borger0*').")
    E851 = ("{path} is the sheet 'Kodning' saved as CSV; a coding sheet must be read as .xlsx (the CSV "
            "form loses the sheet's list of codes and turns). Open the returned .xlsx, or save the sheet "
            "again as .xlsx (Excel-projektmappe).")
    E852 = ("{where}: the text does not match turn {segment}, which the id column names ({text}). Was the sheet "
            "sorted or edited without the id column? Then the codes sit on the wrong turns. Undo the sort, or "
            "sort the whole sheet (all columns) by id, and read the file again.")
    E854 = ("{where}: the column holds valences, but its header is no theme column's valence, so they would "
            "be lost. Write the header as '{wanted}'.")
    E853 = ("{path}: the coder marked not a single code in {n} turns. Were the codes written in another column "
            "(e.g. {columns})? Put 1 in the code's column by the turn; an empty file cannot be compared or "
            "used as the gold standard.")
    E855 = ("--rules without --codebook codes with the demo codebook ({path}), but the codings have the "
            "themes {sheet_codes}, and it has {book_codes}; the agreement would measure two different codebooks "
            "against each other. Give --codebook with the codebook the sheets were made with.")
    E856 = ("{path} is Excel's lock file for '{name}', which is open in Excel right now, not a coding sheet. Leave "
            "it out (e.g. 'koder_*.xlsx' instead of '*.xlsx'); it goes away when the workbook is closed.")

    # 9xx command line and settings
    E901 = "Unknown language '{language}'. Use 'da' (Danish) or 'en' (English)."
    E902 = "--rules needs --corpus: the rule coder codes the corpus to be compared with the coders."
    E903 = ("--small-cells must be a whole number of at least 1 (e.g. --small-cells 3); got {k}. Nothing was "
            "read or written.")
    E904 = "{name} is missing. See '{help}'."
    E905 = "Invalid value for {name}: {detail}. See '{help}'."
    E906 = "No such option here: {option}{hint}. See '{help}'."
    E907 = "No such command '{name}'{hint}. The commands are: {commands}."
    E909 = "{option} is missing its value (a path, a number or a name after {option}). See '{help}'."
    E910 = ("Argument(s) too many: {arguments}. If a path has spaces, put it in quotes (\"my interviews/\"). "
            "See '{help}'.")
    E911 = ("{option} must be a whole number of at least 1 (e.g. {option} {example}); got {value}. Nothing was read "
            "or written.")
    E908 = ("--gold needs --corpus: the gold coding's turns are in the corpus the terms are checked on "
            "(e.g. check kodebog.yaml --corpus corpus/ --gold guld.csv).")


class _TextsEnglish:
    """The English texts of ``Texts``, under the same names."""

    none = "(none)"
    nothing = "(nothing)"
    files = "{n} file(s)"
    see_skipped = "see corpus.skipped"
    # where in a file
    line = "line {line}"
    line_column = "line {line}, column '{column}'"
    line_field = "line {line}, {field}"
    decimal_comma = "a decimal comma? Write numbers with a point (0.5)"
    unquoted_colour = ("line {line}, color: '#' starts a comment in YAML, so the colour is empty — "
                       "put it in quotes: color: \"#{colour}\"")
    # human coding
    source_codebook = "the codebook"
    source_codebook_sheet = "the sheet '{sheet}'"
    # the CLI's status lines
    cli_interrupted = ("Interrupted. An appendix and files that were there before are as they were; nothing "
                       "is half-written (see docs/cli.md).")
    cli_reading = "Reading {corpus} ..."
    cli_cache_hit = "Corpus taken from {cache}"
    cli_cache_saved = "Corpus saved in {cache}"
    cli_cache_unwritable = "Corpus read; the folder {cache} could not be written, so it is not saved"
    cli_coding = "Coding with {codebook} ..."
    cli_inputs = "Conclusions: {conclusions}; indicators: {targets}"
    cli_default_codebook = ("No --codebook: using the demo's codebook {path} (a social housing programme); give "
                            "your own with -c CODEBOOK.")
    cli_model_codebook = "No --codebook: using the model's codebook {path} (the one it was trained with)."
    cli_none = "(none)"
    cli_writing = "Writing the appendix to {out} ..."
    cli_note = "Note: {message}"
    cli_error = "Error: {message}"
    review_unsure = "unsure of {code} (p={p:.2f}, threshold {threshold:.2f})"
    note_no_variation = "undefined: no variation (every coder gave every unit the same value)"
    note_no_units = "no units seen by at least two coders"
    note_kappa_two = "κ only for two coders"
    note_pooled = "pooled over code × segment"
    note_no_gold = "no gold codings"
    note_no_units_evaluate = "no units"
    note_macro = "mean over themes (κ: mean)"
    review_disagree = "; rules and model disagree on {codes}"
    cli_documents = "Documents read: {read}; skipped: {skipped}"
    cli_skipped = "  skipped: {path}: {reason}"
    cli_segments = "Segments: {segments} ({respondents} respondent turns)"
    cli_codings_per_theme = "Codings per theme:"
    cli_theme_segments = "  {theme}: {n} segments"
    cli_theme_segment = "  {theme}: 1 segment"
    cli_notes = "Notes: {n} (see the sheet '{sheet}')"
    cli_written = "Written: {path} and {n} other files"
    cli_privacy_report = "Pseudonymisation report (holds personal data; do not share it): {path}"
    cli_project = ("REFI-QDA project for NVivo, ATLAS.ti, MAXQDA and QualCoder (not pseudonymised: share it only "
                   "with those who may read the transcripts): {path}")
    cli_written_file = "Written: {path}"
    cli_check_examples = "Examples and counter-examples: {ok} of {n} as they should be."
    cli_check_failed = "  {code}: {kind} {wanted}: »{text}« (evidence {evidence}, threshold {threshold}; {why})"
    cli_check_example = "example"
    cli_check_counterexample = "counter-example"
    cli_check_should_code = "should be coded"
    cli_check_must_not_code = "must not be coded"
    cli_check_no_hits = "no hits"
    cli_check_unused = ("Terms and near cues that never hit in {corpus} (neither in the answers nor in their "
                        "questions): {n} of {total}.")
    cli_check_shared = ("Terms in more than one theme (each match codes them all; if not meant, give the term to "
                        "one theme):")
    cli_check_same_words = ("Terms of one theme that find the same words (each term is read with all its "
                            "inflections; a word counts once per theme, with the heaviest term's weight, so the "
                            "weights do not add up - keep one term and give it the weight):")
    cli_check_only_questions = ("Terms that hit only the interviewer's questions (term (answers to them)): short "
                                "answers may take the theme from them, so they are not unused.")
    cli_check_false_positives = ("Terms that also match turns the gold did not code with the theme (hits / of which "
                                 "in the gold) – possible false positives:")
    cli_check_compounds = ("Longer words the terms match inside (word ← term, segments) – put a word that is not "
                           "about the theme in exclude_terms:")
    cli_check_too_weak = ("Terms in turns the gold coded but the rule coder did not (the evidence fell short of the "
                          "threshold; turns, weight/threshold) – consider a higher weight:")
    cli_coding_rules = "Coding {corpus} with the rules ..."
    cli_macro_f1 = "Macro-F1: {f1:.3f}; lowest κ: {kappa:.3f}"
    cli_calibrated = (
        "Thresholds: the gold coding codes on less evidence than the codebook. With every threshold × {scale:g}, "
        "κ is {kappa_scaled:.2f} (as written {kappa:.2f}); chosen on half of the documents and measured on the "
        "other half {held_out:.2f} (as written {as_written:.2f}). Multiply the codebook's thresholds by {scale:g} "
        "(threshold: {scale:g} for 1.0), or code with kv.calibrate(...).codebook.")
    cli_calibrated_used = "Coding with every threshold × {scale:g} (--calibrate-from)."
    cli_calibrated_one_document = (
        "Thresholds: the gold coding codes on less evidence than the codebook. With every threshold × {scale:g}, "
        "κ is {kappa_scaled:.2f} (as written {kappa:.2f}), measured in the one document it was chosen on: code "
        "one more document to see what it is worth on others.")
    cli_calibrated_as_written = ("Thresholds: the codebook fits the gold coding best as written "
                                 "(κ {kappa:.2f}; lower thresholds gave no more).")
    cli_written_confusions = "Written: {path} ({n} confusions)"
    cli_coders = "Coders: {coders}; disagreements: {n}"
    cli_trained = "Trained on {n} segments; thresholds: {thresholds}"
    cli_model_saved = "Saved: {path} (load it with --model; the model is trained again from the stored codings)"
    cli_model_personal_data = ("The file holds the training turns' text, not pseudonymised: it holds personal data; "
                               "do not share it.")
    cli_written_segments = "Written: {path} ({n} segments)"
    cli_written_segment = "Written: {path} (1 segment)"
    cli_skipped_file = "Skipped: {path}: {reason}"
    cli_project_written = ("Written: {path}. It holds personal data (the source texts are not "
                           "pseudonymised): share it only with those allowed to see the transcripts.")
    cli_sheet_written = "Written: {path} ({rows} respondent turns, {themes} themes{suggestions})"
    cli_sheet_suggestions = ", with the rule coder's suggestions"
    columns_not_read = " Column(s) not read: {columns}."
    sheet_cell_short = "sheet '{sheet}', cell {cell}"
    model_codebook_missing = "is not there"
    model_codebook_changed = "has changed since training"
    model_codebook_no_checksum = "has no stored checksum from training"
    not_stored = "(not stored)"
    and_ = "and"
    suffix_none = "(none)"
    kind_workbook = "an Excel workbook"
    table_given = "the table given"
    kind_codebook_file = "codebook"
    kind_conclusions_file = "conclusions file"
    hint_mean_file = " Did you mean {path}?"
    hint_check_path = (" Check the path (full path: {absolute}); a relative path is read from the folder you run "
                       "in ({cwd}).")
    hint_folder_holds = " (in the folder: {names})"
    kind_model = "a model file (JSON)"
    kind_sheet = "a coding sheet (Excel)"
    kind_project = "a REFI-QDA project"
    cli_argument = "The argument {name}"
    cli_option = "The option {name}"
    cli_did_you_mean = " (did you mean {names}?)"
    cli_lang_first = " (--lang goes before the command: python -m kvaleval --lang en {command} ...)"
    cli_whole_number = "must be a whole number"
    cli_number = "must be a number"
    cli_empty_path = "is empty; write the path (an empty path would mean the current folder)"
    cli_choice = "must be one of {choices}"
    coded_cells = "'{sheet}' ({n} coded cells)"
    more_problems = "  ... and {n} more"
    more_lines_same_document = " (and {n} more line(s) with that document)"
    more_rows_same_document = " (and {n} more row(s) with that document)"
    near_group = " Did you mean {names}?"
    sorted_alone = (" In all {n} rows of the column have a valence without a 1, while {ticked} have a 1 "
                    "without a valence: was the column '{code}' sorted or moved by itself? Always sort "
                    "the whole sheet.")
    did_you_mean_document = " Did you mean '{doc_id}'?"
    below_threshold = "below the threshold ({evidence:.2f} of {threshold:g}): {why}"
    nothing_found = "nothing found"
    names_to_hide = "Names to pseudonymise (names=)"
    words_to_keep = "Words to keep as written (keep=)"
    file_empty = "the file is empty (0 bytes)"
    file_cut_off = "the file is not a whole .xlsx file; it is cut off, damaged or something else renamed to .xlsx"
    # wrong arguments to the Python API
    rows = '{n} rows'
    arg_conclusions_list = 'a list of Conclusion from kv.read_conclusions(path)'
    arg_read_conclusions_first = 'Read the file first: kv.read_conclusions(path, codebook=coded.codebook).'
    arg_conclusions_not_dict = 'Give a list of conclusions, e.g. from kv.read_conclusions(path).'
    arg_conclusion_make = ("Make each one with kv.Conclusion(id=..., statement=..., themes=(...)), "
                           "or read the file with kv.read_conclusions(path).")
    arg_swapped_code = 'The arguments are swapped: kv.code(corpus, codebook).'
    arg_corpus = 'a Corpus from kv.read_corpus(folder)'
    arg_read_folder_first = 'Read the folder first: corpus = kv.read_corpus(folder).'
    arg_corpus_not_segments = ('Pass the Corpus itself (from kv.read_corpus), not its segment table; a DataFrame '
                               'of answers is coded with kv.dask.code_frame(df, codebook, text="answer", id="id").')
    arg_codebook = 'a Codebook from kv.read_codebook(path)'
    arg_read_codebook_first = 'Read the file first: codebook = kv.read_codebook(path).'
    arg_codebook_dict = 'Save it as a YAML file and read it with kv.read_codebook(path) (see docs/codebook.md).'
    arg_by = 'a column name (str), a list of column names, or None'
    arg_by_example = "E.g. by='respondent_group' or by=['respondent_group', 'role']."
    arg_by_items = 'Every item of the list is a column name.'
    arg_code_name = 'a code name (str)'
    arg_codes = 'Codes: {codes}.'
    arg_whole_number = 'a whole number (int)'
    arg_n_example = 'E.g. n=5.'
    arg_n_quotes_example = 'E.g. n_quotes=3.'
    arg_coded = 'a Coded from kv.code(corpus, codebook)'
    arg_appendix_order = 'The arguments are kv.write_appendix(coded, out_dir, ...).'
    arg_folder_path = 'a folder path (str or Path)'
    arg_by_appendix = ("the name of one column (e.g. by=\"role\"); the appendix groups by one, and Frekvenser also "
                       "shows the roles – a list of columns is for coded.frequencies(by=[...])")
    arg_targets = 'the path of an indicators file (csv/xlsx), a DataFrame, or None'
    targets_table = 'The table given as targets= (line = row, from 1)'
    arg_corpus_path = 'the path of the corpus folder (str or Path)'
    arg_corpus_path_example = "E.g. kv.read_corpus('corpus/')."
    arg_codebook_path = 'the path of a codebook file (str or Path)'
    arg_codebook_yaml = 'A codebook is read from a YAML file (see docs/codebook.md); save a dict as YAML first.'
    arg_conclusions_path = 'the path of a conclusions file (str or Path)'
    yaml_tab = "a tab character: YAML indents with spaces only; replace the tab with spaces"
    yaml_unclosed_flow = ("a {{ ... }} or [ ... ] opens here and does not close on its line (most often a quotation "
                          "mark left open, or a missing comma)")
    yaml_unclosed_quote = ("a quotation mark opens here and is never closed (or a quotation mark inside the "
                           "text must be written twice: 'it''s')")
    line_detail = "line {line}: {detail}"
    sheet_cell = "sheet '{sheet}', cell {cell} (row {row}, column '{header}')"
    row = "row {row}"
    top_level = "(top level)"
    coding_csv_needed = "'doc_id', 'turn_index' and 'code', or 'segment_id' and 'code'"
    # the program to open and save a file in
    app_excel = "Excel or LibreOffice"
    app_word = "Word or LibreOffice"
    sheet_column = "Sheet"
    unread_comments = "{n} comment(s)"
    unread_notes = "{n} footnote(s) or endnote(s)"
    unread_boxes = "{n} text box(es)"
    unread_margins = "{n} line(s) of page header or footer"
    app_subtitles = "the transcription tool or a text editor"
    app_pdf = "the program that made it (in Word: Save as PDF), or copy the text into a .docx file"
    app_rtf = "Word or LibreOffice (as .docx)"
    pdf_password = "it needs a password to be opened"
    pdf_aes = "with AES, which needs the Python package cryptography: pip install cryptography"
    rtf_not_rtf = "it does not start with \\rtf, as an RTF file does: it is another kind of file"
    # reading sources
    zip_not_container = "not a zip container: {error}"
    zip_damaged = "damaged zip: {error}"
    zip_lacks = "the zip archive lacks {missing}, which every {kind} file has"
    zip_members = "{n} members"
    zip_unpacked = "{unpacked} MB uncompressed from {packed} KB"
    zip_member_unpacked = "'{member}' expands to {unpacked} MB from {packed} KB"
    old_office = "an old Office file (.doc/.xls) or a password-protected Office file"
    old_office_advice = "Remove the password, or open it in Word or Excel and save it as .docx or .xlsx"
    csv_quote = "line {line}: {error}; perhaps a quote (\") is not closed"
    csv_unclosed = "a field opens with a quote that never closes, so the rest of the file would be one answer"
    no_worksheet = "the workbook has no readable worksheet"
    cue_malformed = "malformed cue"
    cues_unreadable = "{bad} of {total} cues cannot be read"
    cue_timing = "line {line}: cannot read the cue timing {timing}"
    metadata_and = "metadata.csv and {path}"
    metadata_too_large = "more than 20 MB; not a metadata table"
    the_file = "the file"
    rows_pair = "{file} (rows {first} and {second})"
    no_files_read = "none (the folder holds no files kvaleval reads)"
    and_more = "; and {n} more (see the list above)"
    # what a file that is not text is, and what to do (E018)
    kind_png = "a PNG image"
    kind_jpeg = "a JPEG image"
    kind_gif = "a GIF image"
    kind_pdf = "a PDF file"
    kind_zip = "a zip archive (perhaps a .docx, .xlsx or .odt with the wrong suffix)"
    kind_empty_zip = "an empty zip archive"
    kind_rtf = "an RTF file"
    kind_gzip = "a gzip archive"
    kind_7z = "a 7-Zip archive"
    kind_rar = "a RAR archive"
    kind_mp3 = "an MP3 recording"
    kind_riff = "a sound or video file (RIFF)"
    kind_ogg = "an Ogg recording"
    kind_flac = "a FLAC recording"
    kind_mp4 = "an MP4/M4A recording"
    kind_program = "a program"
    kind_windows_program = "a Windows program"
    kind_database = "a database"
    advice_not_transcript = "It is not a transcript"
    advice_pdf = "Give it the suffix .pdf, and it is read as a PDF"
    advice_zip = "Give it its right suffix (.docx, .xlsx, .odt), or unpack it"
    advice_rtf = "Give it the suffix .rtf, and it is read as RTF"
    advice_unpack = "Unpack it first"
    advice_transcribe = "Transcribe it first; kvaleval reads text"
    advice_save_docx = "Open it in Word or LibreOffice and save it as .docx"
    advice_save_xlsx = "Open it in Excel or LibreOffice and save it as .xlsx or .csv"
    advice_save_text = "Save it as .docx or .txt (UTF-8)"
    advice_conclusions_not_targets = "If it is the conclusions, give it with --conclusions (in Python conclusions=)"
    advice_not_corpus = ("If it is the codebook or the conclusions file, give it with -c or --conclusions; "
                         "the corpus is the folder of transcripts (python -m kvaleval code CORPUS "
                         "-c codebook.yaml)")
    # codebook and conclusions
    code_name_twice = "code name '{name}' is used twice (first on line {first}) — names must be unique"
    conclusion_id_twice = ("conclusion id '{id}' is used twice (first on line {other}) — give each "
                           "conclusion its own id")
    hint_missing = "add this field"
    hint_extra_forbidden = "remove or rename this field (allowed: {allowed})"
    hint_did_you_mean = "; did you mean '{name}'?"
    term_dead = "are also in the code's exclude_terms and so never count; remove them from one of the lists"
    term_doubled = "are given more than once; they count once, so remove the repetition"
    term_weightless = "have weight 0 and so add no evidence; give them a weight above 0 or remove them"
    hint_string_type = "write it as text"
    hint_float_parsing = "write a number such as 1.0 or 0.5"
    hint_int_parsing = "write a whole number"
    hint_list_type = "write a list (lines starting with '- ')"
    hint_dict_type = "write a mapping (key: value lines)"
    hint_too_short = "add at least one entry"
    hint_string_too_short = "write the text, or remove the line"
    hint_model_type = "write a text or a mapping (key: value), or remove the line if it is empty"
    hint_greater_than = "use a number above 0"
    hint_greater_than_equal = "use a number of at least {ge} (see docs/codebook.md)"
    problem_missing = "the field is missing"
    problem_extra_forbidden = "no such field"
    problem_string_type = "must be text"
    problem_float_parsing = "must be a number"
    problem_int_parsing = "must be a whole number"
    problem_list_type = "must be a list"
    problem_dict_type = "must be a mapping"
    problem_too_short = "is empty"
    problem_string_too_short = "is empty"
    problem_model_type = "must be text or a mapping"
    problem_greater_than = "must be above {gt}"
    problem_greater_than_equal = "must be at least {ge}"
    problem_string_pattern_mismatch = "the value is not allowed"
    hint_docs = "see docs/codebook.md"
    hint_name = "use lowercase letters, digits, '_' or '-' (e.g. 'kapacitet' or 'civil_samfund')"
    hint_color = "use a colour like \"#E07A5F\" (in quotes: # starts a comment in YAML)"
    hint_valence = "use positiv, negativ or blandet"
    hint_use = "use {choices}"
    or_ = "or"
    term_empty = "a term is empty"
    yaml_python_tag = ("a !!python/... tag asks to create Python objects, which a codebook may not do; "
                       "remove the tag")
    yaml_too_deep = "the values are nested too deeply to be a codebook"
    yaml_too_large = "the file is larger than {limit} MB; a codebook is not"
    yaml_unreadable = "the file could not be read ({error})"
    yaml_not_utf8 = "the file is not UTF-8; save it as UTF-8"
    yaml_aliases = "more than {limit} aliases (*) — not a codebook"
    yaml_alias_loop = "an alias refers to the value that holds it (a loop)"
    yaml_nested = "values nested more than {limit} levels deep"
    yaml_alias_bomb = "with its aliases (*) it expands to more than {limit} values (an alias bomb)"
    yaml_key_twice = "the key '{key}' appears twice (first on line {line}); merge the two or rename one"
    # personal data
    csv_invalid = "not valid CSV ({error})"
    empty_file = "(empty file)"
    name_empty = "the name (column 'original') is empty"
    no_replacement = "'{original}' has no replacement (column 'replacement')"
    looks_binary = "it looks binary"
    # REFI-QDA exchange
    kind_qdc = "a REFI-QDA codebook (.qdc)"
    kind_qde = "a REFI-QDA project (.qde)"
    kind_codebook_with_codes = "a REFI-QDA codebook with codes"
    kind_code_tree = "a REFI-QDA code tree"
    codebook_without_codes = "CodeBook without Code elements"
    codes_nested = "codes nested more than {depth} deep"
    name_twice = "the name occurs twice"
    name_nul = "it holds a NUL character"
    name_absolute = "it is an absolute path"
    name_parent = "'..' would leave the archive"
    not_zip = "not a zip archive: {error}"
    not_word = "not a Word file: {error}"
    no_such_file = "no such file"
    size_mb = "{size} MB"
    members_over = "all members add up to over {limit} MB"
    member_over = "{size} MB; limit {limit}"
    member_ratio = "{size} MB packed {ratio:.0f} times"
    no_plain_text_path = "(no plainTextPath)"
    refi_convention_codepoints = "code points, CRLF counted as 2"
    refi_convention_codepoints_lf = "code points, CRLF counted as 1 (ATLAS.ti)"
    refi_convention_utf16 = "UTF-16 code units, CRLF counted as 2 (NVivo)"
    refi_convention_utf16_lf = "UTF-16 code units, CRLF counted as 1"
    refi_user_guid_twice = "the user GUID {guid} is given twice; the first user, '{name}', is used"
    refi_users_same_name = "two users are called '{name}'; one is called '{unique}'"
    refi_empty_sets = "an empty <Sets/> (invalid; written by Taguette)"
    refi_description_unread = ("code '{name}': the description has kvaleval's headings but cannot be read "
                               "({detail}); the whole text is read as the definition, without terms")
    refi_code_set_unknown = "code set '{name}' names {n} GUID(s) that are not a code of the codebook; left out"
    refi_settings_code_foreign = "the code '{code}' does not hold kvaleval's word lists; it is ignored"
    refi_code_colour = "code '{name}': {note}"
    refi_no_is_codable = "code '{name}' has no isCodable"
    refi_code_guid_twice = ("the code GUID {guid} is given twice; its codings go to the first code, '{first}', "
                            "not '{name}'")
    refi_code_without_name = "a code without a name was called '{name}'"
    refi_code_name_twice = "the code name '{name}' occurs more than once; one is called '{candidate}'"
    refi_no_namespace = "no XML namespace (read as REFI-QDA 1.0)"
    refi_namespace_variant = "namespace '{namespace}' (standard: '{expected}')"
    refi_namespace_unknown = "unknown namespace '{namespace}' (read as REFI-QDA 1.0)"
    refi_colour_alpha = "colour '{value}' has an alpha channel; written as #{digits}"
    refi_colour_no_hash = "colour '{value}' has no '#'"
    refi_colour_rgb = "colour '{value}' read as {hex}"
    refi_colour_unknown = "colour '{value}' is not a colour REFI-QDA knows; dropped"
    check_qde_members = "the archive should hold exactly 'project.qde', holds {qde}"
    check_strays = "members outside 'sources/': {strays}"
    check_bom = "a BOM before <?xml"
    check_declaration = "no XML declaration saying UTF-8"
    check_namespace = "namespace {found!r}, expected {expected!r}"
    check_no_xmlschema = "xmlschema is not installed; the XSD was not checked"
    check_xsd = "XSD error: {where}: {reason}"
    check_guids_twice = "GUIDs used more than once: {guids}"
    check_dangling = "<{element}> points to {target}, which is not in the file"
    check_not_a_user = "<{element} {attribute}='{user}'> is not a User"
    check_missing_member = "{value} is not in the archive as sources/{member}"
    check_member_bom = "{member} starts with a BOM"
    check_member_not_utf8 = "{member} is not UTF-8"
    check_member_cr = "{member} has CR line ends"
    check_selection_outside = "selection {guid} {start}:{end} is outside {member} ({length} characters)"
    refi_links = "links (Links)"
    refi_graphs = "graphs (Graphs)"
    member_inflates = "it inflates beyond its header or the limit"
    # model coder
    not_model_file = "not a model file from 'kvaleval train' ({error})"


class KvalevalError(Exception):
    """Base class of every error kvaleval raises on bad input."""


class CorpusError(KvalevalError, ValueError):
    """A source file or corpus folder cannot be read."""


class CodebookError(KvalevalError, ValueError):
    """A codebook or conclusions file is missing or invalid."""


class CodingError(KvalevalError, ValueError):
    """Coding cannot run with the given options or tables."""


class ReportError(KvalevalError, OSError):
    """An output cannot be written."""


class ExchangeError(KvalevalError, ValueError):
    """A REFI-QDA project or codebook cannot be read or written."""


class PrivacyError(KvalevalError, ValueError):
    """A pseudonyms file, name list or table to protect is invalid."""


class HumanCodingError(KvalevalError, ValueError):
    """A coding sheet or coding file is invalid, or codings cannot be compared."""


class ArgumentError(KvalevalError, TypeError, ValueError):
    """A function of the Python API was called with an argument of the wrong kind."""


class KvalevalWarning(UserWarning):
    """Base class of kvaleval's warnings."""


_OS_ERRORS_DA = {
    "ENOENT": "filen eller mappen findes ikke",
    "EACCES": "ingen adgang (tjek rettighederne)",
    "EPERM": "handlingen er ikke tilladt",
    "ENOSPC": "disken er fuld",
    "EDQUOT": "diskkvoten er brugt op",
    "EISDIR": "det er en mappe",
    "ENOTDIR": "en del af stien er ikke en mappe",
    "EROFS": "filsystemet er skrivebeskyttet",
    "EEXIST": "findes allerede",
    "EBUSY": "er i brug",
    "ENAMETOOLONG": "navnet er for langt",
    "EMFILE": "for mange åbne filer",
    "EIO": "læse- eller skrivefejl på disken",
    "EXDEV": "filen kan ikke flyttes mellem to drev eller filsystemer",
}
"""The system's usual error texts in Danish, by errno name; the rest keep the system's words."""


def os_error(err: OSError) -> str:
    """What went wrong with a file, in the current language: ``err.strerror`` in English, its
    Danish words for the usual errors (a missing file, no access, a full disk)."""
    import errno

    name = errno.errorcode.get(err.errno or -1, "")
    if get_language() == "da" and name in _OS_ERRORS_DA:
        return _OS_ERRORS_DA[name]
    return str(err.strerror or err)


_LIBRARY_ERRORS_DA = (
    (re.compile(r"^File is not a zip file$"), "tom, afkortet eller en anden filtype"),
    (re.compile(r"^(?:Truncated file header|Bad magic number for (?:central directory|file header)|"
                r"Bad CRC-32 for file .*|Error -3 while decompressing data.*)$"),
     "arkivet er afkortet eller beskadiget"),
    (re.compile(r"^no element found: line (\d+), column (\d+)$"), r"XML'en holder op midt i, linje \1, kolonne \2"),
    (re.compile(r"^not well-formed \(invalid token\): line (\d+), column (\d+)$"),
     r"ugyldigt tegn i XML'en, linje \1, kolonne \2"),
    (re.compile(r"^mismatched tag: line (\d+), column (\d+)$"), r"et sluttag passer ikke, linje \1, kolonne \2"),
    (re.compile(r"^unclosed token: line (\d+), column (\d+)$"), r"et mærke lukkes aldrig, linje \1, kolonne \2"),
    (re.compile(r"^junk after document element: line (\d+), column (\d+)$"),
     r"tekst efter XML'ens sidste element, linje \1, kolonne \2"),
    (re.compile(r"^syntax error: line (\d+), column (\d+)$"), r"ikke XML, linje \1, kolonne \2"),
)


def library_error(err: BaseException) -> str:
    """What a library's exception says (zipfile's, the XML parser's), in Danish when the run is:
    "File is not a zip file" inside a Danish message says little to an evaluator."""
    text = str(err).strip() or type(err).__name__
    if get_language() == "da":
        for pattern, danish in _LIBRARY_ERRORS_DA:
            if pattern.match(text):
                return pattern.sub(danish, text)
    return text


def quoted_names(names: Sequence[str]) -> str:
    """``'Katrine'``, ``'Katrine' og 'Peter'``, ``'A', 'B' og 'C'`` in the current language."""
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {Texts.and_} {quoted[-1]}"


def shorten(text: str, length: int) -> str:
    """``text`` on one line, cut between words to at most ``length`` characters and `` ...``: a name
    cut in two ("Interviewer: Char ...") is recognised by nobody, and notes and reasons are
    pseudonymised as text."""
    line = " ".join(text.split())
    if len(line) <= length:
        return line
    cut = line.rfind(" ", 0, length + 1)
    return line[: cut if cut > 0 else length] + " ..."


def warn(message: str) -> None:
    """Issue a kvaleval warning pointing at the first line outside kvaleval: in a notebook the
    user's own call (``ev = coded.evidence(...)``), not a line of kvaleval's code beside it."""
    warnings.warn(message, KvalevalWarning, stacklevel=_outside_kvaleval())


def _outside_kvaleval() -> int:
    """The ``stacklevel`` of the nearest caller of :func:`warn` that is not kvaleval's own code
    (the caller's caller, as before, when every frame is kvaleval's: the command line)."""
    frame: types.FrameType | None = sys._getframe(2)  # warn()'s caller: stacklevel 2
    level = 2
    while frame is not None:
        module = str(frame.f_globals.get("__name__", ""))
        if module != "kvaleval" and not module.startswith("kvaleval."):
            return level
        frame, level = frame.f_back, level + 1
    return 3


_ENGLISH: dict[type, type] = {Errors: _ErrorsEnglish, Warnings: _WarningsEnglish, Texts: _TextsEnglish}


def register_english(catalogue: type, english: type) -> None:
    """Give a catalogue of another module (``kvaleval.words.Words``) its English texts."""
    _ENGLISH[catalogue] = english
