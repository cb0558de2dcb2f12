"""Alt indhold er opdigtet.

Bygger to opdigtede interviewtranskriptioner til devset'et (slutevaluering af
den boligsociale helhedsplan i Lærkehøj, Nordå Kommune):

  corpus/a03_aeldre_beboer.docx   (python-docx, ét afsnit pr. replik)
  corpus/a06_kritisk_beboer.vtt   (WebVTT i stil med et Teams-transkript)

Alle personer, steder og tilbud er opfundne.
Kør:  /work/venv/bin/python build_a.py
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"

# ---------------------------------------------------------------------------
# a03 – ældre beboer (docx)
# ---------------------------------------------------------------------------
A03_TITLE = "Interview med ældre beboer – slutevaluering af helhedsplanen i Lærkehøj"
A03_INTRO = ("Respondenten er en kvinde på 81 år, der bor alene i en stuelejlighed i blok A. "
             "Interviewet er foretaget i hendes stue. Hendes datter var til stede de første minutter.")

A03_TURNS = [
    ("Interviewer", "Så tror jeg, den optager. Tak fordi jeg måtte komme, og tak for kaffen."),
    ("Respondent", "Jamen det var så lidt. Det er ikke hver dag, man får besøg af en ung mand med en båndoptager. [griner] Er det sådan en båndoptager?"),
    ("Interviewer", "Det er bare telefonen. Men den optager fint. Vil du starte med at fortælle lidt om, hvor længe du har boet her?"),
    ("Respondent", "Åh, det er mange år. Vi flyttede ind i 1974, min mand og jeg, da blokkene var helt nye. Der var ikke engang plantet træer endnu, det var bare mudder det hele. Og vi var så glade, for vi kom fra en toværelses i Nordå by uden bad. Her var der bad og altan og det hele. Min mand, Aksel, han døde i 2011. Og så har jeg bare blevet boende. Hvor skulle jeg også tage hen?"),
    ("Interviewer", "Hvordan synes du, området har forandret sig?"),
    ("Respondent", "Tja … Det er blevet meget anderledes. Før kendte man alle i opgangen. Vi holdt gårdfest hver sommer, og så kom alle ned med en ret. Nu kender jeg næsten ingen. Det er ikke fordi, de er uvenlige, dem der bor her nu, de siger pænt goddag. Men man kender dem ikke. Og så er der jo de unge mennesker, der kører på de der knallerter om aftenen. Det larmer forfærdeligt. Min datter siger, jeg skal flytte på et plejecenter, men det vil jeg altså ikke. Ikke endnu."),
    ("Interviewer", "Nu er jeg her jo, fordi vi evaluerer helhedsplanen – altså det boligsociale arbejde, der har været herude de sidste fire år. Har du hørt om det?"),
    ("Respondent", "Helhedsplanen … nej, det ved jeg ikke, hvad er."),
    ("Interviewer", "Det er dem, der har kontor i Lærkehøjhuset. Aisha, Søren, Louise og de andre."),
    ("Respondent", "Nåh, dem. Jamen jeg troede, det var nogen fra kommunen. Er det ikke det? Der kom en pige forbi engang med en pjece, og hun var meget sød. Men jeg kan ikke huske, hvad den handlede om. Jeg tror, jeg har den endnu. Den ligger nok i skuffen derovre med alle de andre papirer."),
    ("Interviewer", "Det er et samarbejde mellem boligselskabet og kommunen. Hvis du har et problem med lejligheden eller noget andet, hvem går du så til?"),
    ("Respondent", "Jamen så ringer jeg til Bent. Viceværten. Han er flink. Han kom også, da min vaskemaskine var gået i stykker, selvom det egentlig ikke var hans arbejde. Og han har hjulpet mig med at skifte pæren i loftet, for jeg kan ikke komme op på stigen mere. Jeg ved ikke, hvad jeg skulle gøre uden ham. Men han siger, at han har fået meget mere at lave nu, og han er ikke så ung længere heller."),
    ("Interviewer", "Har du været i beboercaféen i Lærkehøjhuset?"),
    ("Respondent", "Nej."),
    ("Interviewer", "Har du hørt om den?"),
    ("Respondent", "Jo, min nabo, fru Thomsen, hun har været der. Hun siger, det er meget hyggeligt, og at der er en sød dame, der bager. Men jeg ved ikke … Det er jo et stykke vej at gå, når man har rollator, og der er den der bakke ved garagerne. Og om vinteren, når det er glat, så går jeg slet ikke ud. Hvis der nu var en, der kunne hente en, så ville jeg måske gerne. Men man vil jo heller ikke være til besvær."),
    ("Interviewer", "Har du deltaget i nogen af de andre ting, der har været? Der har fx været tryghedsvandringer."),
    ("Respondent", "Tryghedsvandring? Nej. Hvad er det for noget? Er det sådan, hvor man går sammen med politiet?"),
    ("Interviewer", "Ja, lidt. Beboere, politiet og boligselskabet går rundt en aften og ser på, hvor man føler sig utryg. Så har de fx sat ny belysning op ved stien bagved blok A."),
    ("Respondent", "Nå, var det derfor! Ja, den lampe har jeg faktisk lagt mærke til. Det er meget bedre nu. Før var det helt mørkt, og jeg turde ikke gå derned efter klokken fire om vinteren. Så det var da godt. Det vidste jeg ikke, at det var dem, der havde gjort det. Jeg troede bare, det var boligselskabet, der endelig havde fået taget sig sammen. [griner]"),
    ("Interviewer", "Er der nogen, der har hjulpet dig med andre ting? Fx med computeren eller post fra kommunen?"),
    ("Respondent", "Det er min datter, der gør det. Hun kommer om søndagen og kigger på den der e-Boks. Jeg forstår mig ikke på det. Jeg har en iPad, men den bruger jeg mest til at se billeder af mine oldebørn. Det ville være rart, hvis der var nogen herude, der kunne hjælpe med det, for min datter har også travlt. Hun arbejder jo på fuld tid og har sine egne ting. Og så skal hun køre helt fra Vestervang."),
    ("Interviewer", "Der har faktisk været et IT-hjælp-tilbud i caféen om onsdagen, med nogle frivillige."),
    ("Respondent", "Nå da! Det har ingen fortalt mig. Eller, det står måske i det der blad, de lægger i postkassen. Men jeg læser det ikke så grundigt. Skriften er så lille."),
    ("Interviewer", "Hvad synes du om, at det er frivillige – altså almindelige beboere – der hjælper med den slags?"),
    ("Respondent", "Det synes jeg da er fint. Det var sådan, vi gjorde det før i tiden. Man hjalp hinanden. Hvis fru Jensen på tredje sal var syg, så handlede man for hende. Det er vel det samme. Men jeg ville nu helst have, at det var en, jeg kendte. Man giver jo ikke bare sin kode til hvem som helst."),
    ("Interviewer", "Kommer du til beboermøderne?"),
    ("Respondent", "Det gjorde jeg, da Aksel levede. Han var i bestyrelsen i mange år, faktisk. Han var kasserer. Men nu … nej. Det er om aftenen, og så er jeg træt. Og jeg kender jo ingen af dem mere."),
    ("Interviewer", "Hvis du kunne ønske dig én ting herude, hvad skulle det så være?"),
    ("Respondent", "Åh … at der var nogen, der kom forbi en gang imellem. Bare for at sige goddag. Ikke for at ordne noget. Bare for at snakke. Det er lange dage, når man er alene. [pause] Men det er vel ikke noget, de kan gøre noget ved, hvad?"),
    ("Interviewer", "Det ved jeg ikke, men jeg skriver det ned. Tusind tak for snakken."),
    ("Respondent", "Selv tak. Og husk nu at tage en småkage med."),
]


def build_docx(path: Path) -> int:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.add_heading(A03_TITLE, level=1)
    intro = d.add_paragraph(A03_INTRO)
    intro.runs[0].italic = True
    for speaker, text in A03_TURNS:
        p = d.add_paragraph()
        r = p.add_run(f"{speaker}: ")
        r.bold = True
        p.add_run(text)
        p.paragraph_format.space_after = Pt(6)
    d.save(str(path))
    return len(A03_TURNS)


# ---------------------------------------------------------------------------
# a06 – kritisk beboer (WebVTT, Teams-stil)
# Hver replik er en liste af stykker; hvert stykke bliver én cue.
# ---------------------------------------------------------------------------
INT = "Mette Bruun"
RES = "Kurt Abildgaard"

A06_TURNS = [
    (INT, ["Så, nu tror jeg, optagelsen kører. Kan du høre mig ordentligt?"]),
    (RES, ["Ja, ja. Det er fint. Min svigersøn har sat det op, så jeg ikke skal rode med det."]),
    (INT, ["Dejligt. Tak fordi du ville være med. Som jeg skrev i mailen, så er det en evaluering af helhedsplanen i Lærkehøj,",
           "og jeg vil gerne høre dine erfaringer, også de dårlige."]),
    (RES, ["Ja, det var derfor jeg sagde ja. [griner] For der er sgu ikke mange, der spørger os, der har haft dårlige erfaringer.",
           "Det er altid de samme glade mennesker, der kommer i avisen med et stort smil og siger, hvor fantastisk det hele er."]),
    (INT, ["Det er netop derfor, vi gerne vil tale med mange forskellige. Vil du starte med at fortælle lidt om dig selv?"]),
    (RES, ["Jeg er 56, jeg har boet i Lærkehøj i tyve år.",
           "Jeg var lagerarbejder i mange år, så fik jeg en diskusprolaps, og nu er jeg sygemeldt og har været det i,",
           "øh, halvandet år. Jeg er i et ressourceforløb, som det hedder. Det er et kapitel for sig. Det skal vi ikke snakke om nu."]),
    (INT, ["Det er helt fint. Hvordan har du været i kontakt med de boligsociale medarbejdere?"]),
    (RES, ["Altså, det startede med, at jeg havde nogle problemer med økonomien, da jeg gik ned i indtægt.",
           "Jeg havde en kassekredit og et par forbrugslån, ikke noget vildt, men det voksede mig over hovedet.",
           "Og så så jeg en seddel om gratis gældsrådgivning i Lærkehøjhuset. Så jeg tænkte, fint, det prøver vi.",
           "Jeg skrev en mail. Ingen svar. Jeg ringede. Telefonsvarer. Jeg gik derover, og så var der lukket, fordi de var på teamdag eller sådan noget.",
           "Da jeg endelig fik en tid, var der gået over en måned. Og så blev den aflyst dagen før, fordi rådgiveren var syg.",
           "Og så gav jeg op, ærligt talt. Jeg fik hjælp gennem min fagforening i stedet."]),
    (INT, ["Det lyder frustrerende."]),
    (RES, ["Ja, det var det. Og det er jo ikke fordi, jeg tror, hun er et dårligt menneske, hende rådgiveren. Men når man har ét tilbud til tre tusind beboere,",
           "og det er åbent to dage om ugen, så er det jo ikke et tilbud. Så er det en reklame."]),
    (INT, ["Har du haft andre erfaringer med sekretariatet?"]),
    (RES, ["Sekretariatet. [griner] Det ord. Jeg tror ikke, der er én i Lærkehøj, der ved, hvad det betyder.",
           "Der er nogen, der sidder i huset og holder møder. Det er det, folk ser. De holder møder med kommunen og med boligselskabet og med hinanden.",
           "Og så laver de en flot folder hvert halve år med billeder af børn, der maler ansigter."]),
    (INT, ["Så du oplever ikke, at de gør en forskel?"]),
    (RES, ["Nej. Eller … jo, okay. Det vil jeg gerne være fair omkring.",
           "Mit barnebarn har gået i lektiecaféen, og det er hun glad for. Min datter siger, det har hjulpet hende med læsningen.",
           "Så det er jo godt. Men det er frivillige, der laver det, er det ikke? Så hvad laver de ansatte?"]),
    (INT, ["Der er både ansatte og frivillige involveret i lektiecaféen."]),
    (RES, ["Nå. Ja. Det vidste jeg ikke. Men det er jo netop pointen. Ingen ved noget."]),
    (INT, ["Hvordan har du hørt om de forskellige tilbud?"]),
    (RES, ["Sedler i opgangen. Og så Facebook-gruppen, men den er jo én stor sandkassekrig.",
           "Der er en, der skriver om, at der er hundelort på græsplænen, og så går der tyve minutter, og så er det en diskussion om indvandring.",
           "Så den har jeg meldt mig ud af."]),
    (INT, ["Hvad med beboerdemokratiet? Har du været involveret i afdelingsbestyrelsen?"]),
    (RES, ["Ja. Jeg sad i bestyrelsen i fire år. Fra 2015 til 2019.",
           "Og jeg stoppede, fordi jeg var træt af at være gidsel. Altså, vi fik sådan nogle færdige planer præsenteret af boligselskabet og konsulenterne,",
           "og så skulle vi bare sige ja. Da helhedsplanen kom, var det noget, der var bestemt på forhånd. Vi fik lov at stemme,",
           "men det var med det argument, at hvis vi sagde nej, så fik vi ingen penge til noget som helst. Det er jo ikke demokrati. Det er afpresning med kaffe og wienerbrød."]),
    (INT, ["Der er andre, der har fortalt, at bestyrelsen selv var med til at ønske helhedsplanen. Genkender du det?"]),
    (RES, ["Nogle i bestyrelsen, ja. Formanden dengang, hun var meget for det. Men jeg var imod. Jeg synes, pengene skulle være brugt på at renovere.",
           "Gå ned i kælderen i blok D og se fugten. Det er den slags, der betyder noget for folk. Ikke en cafe."]),
    (INT, ["Hvad tænker du om, at frivillige og foreninger løfter en del af arbejdet?"]),
    (RES, ["Det er fint, hvis folk har lyst. Men jeg bliver lidt træt, når man hører, at kommunen sparer og så siger, at civilsamfundet skal tage over.",
           "Hvad betyder det? Det betyder, at Hanne fra caféen skal løse alt gratis. Det er ikke fair over for hende. Hun er et godt menneske, men hun er ikke socialrådgiver."]),
    (INT, ["Er der noget, du tænker, burde fortsætte efter helhedsplanen?"]),
    (RES, ["Lektiecaféen, hvis det virker for børnene, så ja. Og fritidsjob-tingen, det har jeg hørt godt om fra naboens knægt.",
           "Men så skal det ordentligt til. Ikke ét kontor, der har åbent når folk er på arbejde, og en telefon, ingen tager.",
           "Hvis de vil have gældsrådgivning, så skal der være en, der faktisk kan nå det. Ellers lad være med at love folk noget. Det er værre at få et løfte, der ikke bliver holdt, end slet ikke at få noget."]),
    (INT, ["Det er en klar pointe. Hvis du selv kunne bestemme, hvad ville du så ændre?"]),
    (RES, ["Jeg ville flytte dem ud af det kontor. Lad dem gå rundt i opgangene. Bank på.",
           "Det er dem, der skal komme til os, ikke os, der skal finde ud af, hvilken dør vi skal banke på.",
           "Og så ville jeg spørge beboerne, før man laver planen. Ikke bagefter, når der skal laves en rapport. [griner] Ingen fornærmelse."]),
    (INT, ["[griner] Ingen fornærmelse taget. Er der noget, du gerne vil tilføje?"]),
    (RES, ["Nej. Jo – at det ikke er fordi, jeg er imod det hele. Jeg er bare træt af, at vi altid bliver behandlet som et problem, der skal løses.",
           "Vi er altså voksne mennesker herude."]),
    (INT, ["Det noterer jeg. Tusind tak for din tid, Kurt."]),
    (RES, ["Selv tak. Held og lykke med rapporten."]),
]


def _ts(sec: float) -> str:
    ms = round(sec * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def build_vtt(path: Path) -> int:
    lines = ["WEBVTT", ""]
    t = 2.48
    seg_id = "5d3a9c71-2e4b-4f0a-9b1c-7e8f6a2d4c10"  # opdigtet id
    for turn_no, (speaker, chunks) in enumerate(A06_TURNS):
        for j, chunk in enumerate(chunks):
            dur = max(1.6, len(chunk.split()) * 0.38)
            start, end = t, t + dur
            lines.append(f"{seg_id}/{turn_no + 11}-{j}")
            lines.append(f"{_ts(start)} --> {_ts(end)}")
            lines.append(f"<v {speaker}>{chunk}</v>")
            lines.append("")
            t = end + 0.12
        t += 0.9
    path.write_text("\n".join(lines), encoding="utf-8")
    return len(A06_TURNS)


def main() -> None:
    CORPUS.mkdir(parents=True, exist_ok=True)
    n3 = build_docx(CORPUS / "a03_aeldre_beboer.docx")
    n6 = build_vtt(CORPUS / "a06_kritisk_beboer.vtt")
    print(f"a03_aeldre_beboer.docx: {n3} turns")
    print(f"a06_kritisk_beboer.vtt: {n6} turns")


if __name__ == "__main__":
    main()
