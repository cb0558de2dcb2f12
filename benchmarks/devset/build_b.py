"""Alt indhold er opdigtet.

Genererer tre opdigtede interviewtransskriptioner med samarbejdspartnere fra
slutevalueringen af den boligsociale helhedsplan i boligområdet Lærkehøj
(Nordå Kommune). Alle personer, steder og institutioner er opfundet.

Filer:
  corpus/b07_skoleleder.docx         (python-docx, I: / R:, titel-overskrift)
  corpus/b09_bestyrelsesformand.odt  (odfpy, Interviewer: / Informant:)
  corpus/b12_foreningsformand.srt    (SubRip, Speaker 1: / Speaker 2:)

Kør med: /work/venv/bin/python build_b.py
"""

import os
import textwrap

from docx import Document
from odf.opendocument import OpenDocumentText
from odf.style import ParagraphProperties, Style, TextProperties
from odf.text import H, P

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")

# ---------------------------------------------------------------------------
# b07 – skoleleder (docx). Tekst med "\n" fortsætter i nye afsnit uden tag.
# ---------------------------------------------------------------------------
B07_TITLE = "Slutevaluering, helhedsplanen i Lærkehøj – interview med skoleleder, Lærkehøjskolen"
B07 = [
    ("I", "Ja, så kører optageren. Tak fordi du ville tage dig tid, jeg ved godt, det er lige op til sommerferien."),
    ("R", "Ja, det er det jo altid [griner]. Nej, men det er helt fint. Jeg har afsat en time, så hvis vi kan holde os inden for det, så er jeg glad."),
    ("I", "Det skal vi nok. Vil du starte med at fortælle lidt om dig selv og om skolen?"),
    ("R", "Ja. Øh, jeg har været skoleleder her på Lærkehøjskolen i, hvad er det, seks år nu. Før det var jeg viceskoleleder på en skole i den anden ende af kommunen. Vi er en skole med cirka 480 elever fra 0. til 9. klasse, og … omkring 40 procent af vores elever bor i Lærkehøj, resten kommer fra parcelhuskvartererne omkring Bakkevej og op mod stationen. Så vi har en ret blandet elevgruppe, og det er jo både en styrke og en udfordring, kan man sige."
          "\nVi har haft et fald i elevtallet de sidste par år. Ikke dramatisk, men nogle af parcelhusforældrene vælger os fra, og det er noget, vi arbejder med. Det hænger jo også sammen med, hvordan området bliver omtalt. Hvis der har været en bil, der er brændt, så kan jeg mærke det på indskrivningen året efter. Det er helt vildt, men sådan er det."),
    ("I", "Hvordan kom du i kontakt med helhedsplanen første gang?"),
    ("R", "Altså, det var faktisk før min tid, samarbejdet var der jo allerede, da jeg startede. Men den konkrete kontakt, det var Birgitte, projektlederen, der kom op på mit kontor det første efterår og sagde, øh, \"vi skal snakke om lektiecaféen\". Og det gjorde vi så. [griner] Hun er ret vedholdende."),
    ("I", "Ja. Hvad handler jeres samarbejde så primært om i dag?"),
    ("R", "Det er tre ting, vil jeg sige. Det er lektiehjælpen, som foregår i vores lokaler to eftermiddage om ugen, mandag og onsdag. Det er familiekonsulenten, som vores AKT-lærere og vores skolesocialrådgiver trækker på ret meget. Og så er det, øh, fritidsjobbene for de store elever, hvor de kommer ud og fortæller om det i 8. klasse."),
    ("I", "Hvis vi starter med lektiehjælpen. Hvad betyder den for jeres elever?"),
    ("R", "Den betyder … altså, jeg skal passe på med at sige, at den løfter karaktererne, for det kan jeg ikke dokumentere, og det har jeg heller aldrig påstået. Men det, jeg kan se, er, at der er en gruppe børn, typisk fra fjerde til syvende klasse, som ellers ville gå hjem til en tom lejlighed, eller til en lejlighed, hvor der ikke er nogen, der kan hjælpe med dansk, og de sidder nu og laver det sammen med nogle frivillige gymnasieelever og et par pensionerede lærere. Og de kommer i skole næste dag med lektierne lavet. Det lyder banalt, men det gør noget ved, hvordan de har det i klassen. De rækker hånden op."
          "\nOg så, øh, der er noget med, at forældrene kommer og henter. Ikke alle, men nogle. Og så står de der i døren, og så får vi snakket med dem på en helt anden måde end til en skole-hjem-samtale, hvor de sidder over for tre lærere og en tolk."),
    ("I", "Er der nogle af lærerne, der bruger det aktivt?"),
    ("R", "Nogle. Ikke nok. [pause] Det er ærligt talt lidt personafhængigt. Vi har to-tre lærere på mellemtrinnet, der skriver direkte til de frivillige, hvis der er en elev, der har brug for at komme, og så er der andre, der knap nok ved, at det findes."),
    ("I", "Hvorfor tror du, det er sådan?"),
    ("R", "Altså, en del af det er bare, at vi har haft en stor udskiftning i lærerstaben. Man kommer ind som ny lærer, man har nok at se til med sine egne klasser, og så er det ikke det første, man sætter sig ind i, hvad helhedsplanen laver. Jeg tror, hvis du spurgte halvdelen af mit personale, hvad sekretariatet er, så ville de sige, det er noget med kommunen. Eller boligforeningen. [griner] Det er det jo også lidt, men … ja."),
    ("I", "Hvad med forældrene, ved de, hvem de er?"),
    ("R", "Nej. Altså, de ved godt, hvem Sanne er. Familiekonsulenten. Hende kender de. Men at hun hører til et sekretariat under en helhedsplan, det tror jeg ikke, der er ret mange, der ved. Hun er bare \"Sanne fra kontoret nede ved torvet\". Og det er måske også fint nok. Det er vel ikke vigtigt, at de kan tegne organisationsdiagrammet."),
    ("I", "Nej. Men betyder det noget for jer som skole, at det ikke er helt klart?"),
    ("R", "Ja, det gør det faktisk. For når vi så har en bekymring for et barn, så skal vi vide, om vi ringer til Sanne, eller om vi laver en underretning, eller om det er begge dele. Og der var nogle situationer i starten, hvor vi var i tvivl. Det er blevet bedre. Vi har lavet en lille aftale nu, en slags … øh, ikke en kontrakt, men et papir, hvor det står, hvornår man gør hvad. Det hænger på opslagstavlen på lærerværelset. Om folk læser det, er så en anden sag. (utydeligt)"),
    ("I", "Kan du sige lidt mere om familiekonsulenten?"),
    ("R", "Ja. Hun er simpelthen, altså, hun er guld værd. Jeg ved ikke, om jeg må sige det sådan på en optagelse [griner], men det er sådan, det er. Det, hun kan, som vi ikke kan, og som kommunens familieafdeling heller ikke kan, det er, at hun kan gå hjem til familien, uden at det er en sag. Der er ikke noget journalnummer. Og det gør, at de åbner døren."
          "\nJeg har et eksempel. Der var en dreng i sjette klasse, som havde et meget stort fravær, over 20 procent, og vi havde indkaldt til møder, og forældrene kom ikke. Og så tog Sanne med vores skolesocialrådgiver ned og bankede på, og det viste sig, at mor var alene med fire børn, far var rejst, og hun kunne ikke få de mindste i børnehave om morgenen og samtidig få ham af sted. Det er jo ikke en sag, det er et logistikproblem. Og det fik de løst på to uger. Han har næsten ikke fravær nu."
          "\nDet er sådan nogle ting. Og de historier har vi en del af."),
    ("I", "Hvis helhedsplanen stopper, hvad sker der så?"),
    ("R", "Så står vi med dem selv. [pause] Nej, altså, det er for dramatisk. Men vi mister et led, som vi ikke har andre steder. Og vi har ikke selv pengene til at ansætte en familiekonsulent, det kan jeg godt sige med det samme. Vores budget er presset i forvejen."),
    ("I", "Har du talt med forvaltningen om det?"),
    ("R", "Ja. De siger, at det ligger i forhandlingerne om den næste plan. [griner] Det er et meget kommunalt svar. Jeg har været i systemet længe nok til at vide, hvad det betyder. Det betyder, at ingen ved det endnu."),
    ("I", "Du nævnte fritidsjob. Hvordan fungerer det fra jeres side?"),
    ("R", "Øh, det er ikke noget, jeg følger så tæt, det er mere vores vejleder. Men det, jeg hører, er, at det er populært. Der er venteliste, har jeg fået at vide. Kasper, som står for det, han kommer ud i 8. klasserne en gang om året og fortæller om det, og så er der en del, der melder sig. Men han har jo ikke pladser nok. Der er ikke så mange butikker i området, der vil tage en fjortenårig."),
    ("I", "Er der noget, du synes, der mangler?"),
    ("R", "Mm. Jeg ville ønske, vi havde dem tættere på indskolingen. Alt det, vi laver sammen, det starter i fjerde klasse og opefter. Og der er jo mange af de ting, vi ser i femte, sjette, som man sagtens kunne have set komme i børnehaveklassen. Hvis Sanne havde haft timerne til at være med til de første forældremøder i 0. klasse, så tror jeg, vi kunne spare rigtig meget senere. Men hun har jo ikke timerne. Hun løber stærkt nok i forvejen."),
    ("I", "Hvad med foreningerne og de frivillige, er de en del af jeres samarbejde?"),
    ("R", "Lidt. Lektiecaféen kører jo på frivillige. Og så har vi lånt hallen ud til boldklubben om lørdagen, det er sådan noget, helhedsplanen har hjulpet med at få på plads. Men ærligt talt, så er det ikke noget, jeg har den store indsigt i. Jeg har ikke tid til at sidde med i alle de netværksmøder."),
    ("I", "Bliver du inviteret til mange?"),
    ("R", "Ja. [griner] Altså, der er rigtig mange møder. Jeg sender typisk min afdelingsleder. Det er ikke fordi, det ikke er vigtigt, men jeg har en skole at drive."),
    ("I", "Det forstår jeg godt. Hvordan hører du så om det, der sker?"),
    ("R", "Nyhedsbrevet, egentlig. Lærkenyt. Det kommer i min indbakke hver måned, og jeg skimmer det. Og så ringer Birgitte, hvis der er noget. Og de har fået lov til at lægge opslag om lektiecaféen på forældreintra, det var noget, vi aftalte sidste år."),
    ("I", "Er der andet, du gerne vil sige, inden vi slutter?"),
    ("R", "Ikke rigtig. Jo, måske bare det, at jeg synes, man skal passe på med at måle det hele på tal. Når jeg skal skrive til forvaltningen, så spørger de efter fravær og karakterer og trivselsmåling, og det er fint, men det fanger ikke det med drengen i sjette. Det kan man ikke sætte i et regneark."),
    ("I", "Tak, det var en god afslutning."),
    ("R", "Selv tak. Og held og lykke med rapporten."),
]

# ---------------------------------------------------------------------------
# b09 – formand for afdelingsbestyrelsen (odt). Ét afsnit pr. replik.
# ---------------------------------------------------------------------------
B09_TITLE = "Interview – formand for afdelingsbestyrelsen, Lærkehøj"
B09 = [
    ("Interviewer", "Så kører den. Tak fordi vi måtte komme her hjem til dig."),
    ("Informant", "Jamen, velkommen. Vil du have en kop kaffe mere? Der er også kringle, den er fra i går, men den fejler ikke noget."),
    ("Interviewer", "Nej tak, jeg er fin. Vil du starte med at fortælle, hvor længe du har boet her, og hvor længe du har siddet i bestyrelsen?"),
    ("Informant", "Jeg flyttede ind i blok C i 1989. Så det er … 35 år snart. Og i afdelingsbestyrelsen har jeg siddet i, øh, 14 år, og de sidste otte som formand. Og jeg sidder også i organisationsbestyrelsen i Boligforeningen Åbakken. Så jeg kender det her sted, kan man godt sige. Jeg kender det bedre end de fleste, der kommer og går."),
    ("Interviewer", "Hvad mener du med dem, der kommer og går?"),
    ("Informant", "Jamen, altså, der har været tre helhedsplaner nu, eller er det fire, og hver gang kommer der nye mennesker, der skal lave projekter og have nye ideer. Og så går der to år, så har de lært stedet at kende, og så slutter planen, eller også får de et andet job. Det er ikke en kritik af dem som personer. Men det er sådan, det er. Vi er her. Beboerne er her. Det er os, der er tilbage, når de er væk."),
    ("Interviewer", "Hvordan er samarbejdet med sekretariatet i den nuværende plan?"),
    ("Informant", "Det er blevet bedre. I starten var det ikke godt. Der var nogle ting, der blev sat i gang, uden at vi var blevet spurgt. For eksempel det der byttemarked på parkeringspladsen. Det kan da godt være, det er en god idé, men det er vores parkeringsplads, og der er nogle beboere, der skal have deres bil ud lørdag morgen. Og så fik jeg telefonerne. Ikke sekretariatet. Mig."),
    ("Interviewer", "Hvordan blev det løst?"),
    ("Informant", "Vi tog en snak. Birgitte og jeg. Og nu har vi en aftale om, at alt, hvad der foregår på afdelingens arealer, det går over bestyrelsesmødet først. Det burde sådan set have været sådan fra starten. Det står jo i vedtægterne, at det er beboerne, der bestemmer i deres afdeling. Helhedsplanen er noget, vi har sagt ja til. Den er ikke noget, der er kommet ovenfra. Det glemmer man nogle gange ovre på rådhuset."),
    ("Interviewer", "Synes du, beboerne i det hele taget ved, hvad helhedsplanen er?"),
    ("Informant", "Nej. [griner] Nej, det gør de ikke. De tror, det er kommunen. Eller også tror de, det er boligforeningen, og så kommer de og klager over varmeregningen. Jeg har haft folk, der er gået ned på sekretariatet for at klage over en dryppende hane. Og så sender de dem op til ejendomskontoret, og så er der gået en dag."),
    ("Interviewer", "Hvad tror du, det skyldes?"),
    ("Informant", "Det skyldes, at der er for mange kasketter. Der er ejendomskontoret, der er boligforeningen, der er kommunen, der er helhedsplanen, der er bestyrelsen. Og for en almindelig beboer, der måske ikke taler så godt dansk, så er det sådan set bare \"dem ovre på kontoret\". Alle sammen. Jeg har sagt til dem flere gange, at de skal have et skilt. Et ordentligt skilt. Der hænger stadig et A4-ark i vinduet med tape."),
    ("Interviewer", "[griner] Okay."),
    ("Informant", "Det er rigtigt nok! Gå ned og se."),
    ("Interviewer", "Hvad med Lærkenyt, nyhedsbrevet?"),
    ("Informant", "Det læser jeg. Men jeg er også formand. [pause] Altså, jeg tror ikke, ret mange læser det. Det kommer i postkassen sammen med pizzareklamerne. Vi havde et beboerblad engang, som bestyrelsen lavede, og det blev læst, fordi der stod, hvem der havde haft rund fødselsdag, og hvem der var død. Det er det, folk gider læse om."),
    ("Interviewer", "Hvad med beboermøderne, hvordan går det med fremmødet?"),
    ("Informant", "Ved det ordinære afdelingsmøde i september var vi, lad mig se … 41 husstande. Ud af 612 lejemål. Det er ikke imponerende, men det var bedre end året før. Og jeg skal da sige, at helhedsplanen hjalp med at få indkaldelsen oversat og delt ud, og der var børnepasning i lokalet ved siden af. Det gjorde en forskel. Det skal de have."),
    ("Interviewer", "Så der er nogle ting, de har hjulpet med."),
    ("Informant", "Ja, selvfølgelig. Jeg er ikke imod dem. Det skal du ikke tro. Jeg synes bare, der skal være styr på, hvem der gør hvad."),
    ("Interviewer", "Kan du sige lidt mere om det?"),
    ("Informant", "Ja. Altså, jeg har oplevet, at der blev startet en beboergruppe for, hvad var det, grønne områder, under helhedsplanen. Og det er jo fint nok, at folk vil plante blomster. Men det er bestyrelsen, der har ansvaret for udearealerne sammen med ejendomsfunktionærerne. Så hvem bestemmer, når den gruppe vil have et højbed, lige hvor vi har planlagt en ny legeplads? Det var der ingen, der havde tænkt over. Og så ender det med, at jeg bliver den sure gamle mand, der siger nej. [griner] Det er jeg jo så også lidt."),
    ("Interviewer", "Er der nogle af de frivillige fra helhedsplanen, der er gået ind i bestyrelsesarbejdet?"),
    ("Informant", "To. Der er to, der er kommet ind via, øh, via frivilligcentret, eller hvad det nu hedder. Den ene er god. Den anden kom til tre møder. [pause] Det er nu engang sådan."),
    ("Interviewer", "Hvad tænker du om frivilligcentret?"),
    ("Informant", "Frivilligcentret, ja. Jeg ved ikke helt, hvad det laver, hvis jeg skal være ærlig. Der er en kvinde, der sidder der tirsdag og torsdag, og der er nogle, der kommer og strikker, og der er noget med et cykelværksted. Det er da hyggeligt. Men om det er noget, der skal koste penge fra en helhedsplan, det ved jeg ikke. Vi havde en strikkeklub i beboerhuset i tyve år, uden at der var nogen, der fik løn for det."),
    ("Interviewer", "Hvad med tryghedsvandringerne?"),
    ("Informant", "Dem er jeg med på. Det er faktisk noget af det bedste. Vi går rundt, politiet, ejendomsfunktionæren, en fra kommunen og så os fra bestyrelsen, og så kigger vi på belysning og buske og den slags. Og der er faktisk kommet lys på stien ned til indkøbscentret efter sidste vandring. Det havde vi bedt om i fem år."),
    ("Interviewer", "Så der skete noget?"),
    ("Informant", "Ja. Første gang i fem år. [griner] Jeg siger ikke, det kun var helhedsplanen. Men de fik samlet de rigtige folk på samme sti på samme tid. Det skal man ikke kimse ad."),
    ("Interviewer", "Hvis du skal se frem, synes du så, helhedsplanen skal fortsætte?"),
    ("Informant", "Det skal den, hvis den kan lære at lytte. Jeg synes, de har lært det. Nogenlunde. Men det koster jo også noget. Beboerne betaler jo en del af det gennem huslejen, via boligforeningen, og det er ikke alle, der er klar over det. Det kommer ikke fra himlen, de penge. (utydeligt) … det siger jeg også til dem på afdelingsmødet hvert år."),
    ("Interviewer", "Hvad skulle der være anderledes i en ny plan?"),
    ("Informant", "Færre projekter. Det er mit klare svar. Hellere tre ting, der virker, end ti ting, hvor der er to frivillige i hver. Og så skal bestyrelsen med fra starten. Ikke når det hele er skrevet, og vi bare skal skrive under."),
    ("Interviewer", "Tak. Er der andet?"),
    ("Informant", "Nej. Jo, du må gerne skrive, at de skal have et skilt. [griner]"),
    ("Interviewer", "Det skal jeg nok."),
]

# ---------------------------------------------------------------------------
# b12 – formand for lokal boldklub (srt). Én cue pr. replik.
# ---------------------------------------------------------------------------
B12 = [
    ("Speaker 1", "Så. Nu kører den. Kan du starte med at præsentere dig selv og klubben?"),
    ("Speaker 2", "Ja. Jeg er formand for Lærkehøj Boldklub, og det har jeg været i, øh, elleve år. Jeg er også træner for U13-drengene, og så er jeg kasserer, fordi der ikke er andre, der vil. [griner] Vi har omkring 230 medlemmer, det er mest børn og unge, og så et oldboyshold og et kvindehold, som vi startede for to år siden."),
    ("Speaker 1", "Et kvindehold, det lyder spændende. Hvordan kom det i gang?"),
    ("Speaker 2", "Det var faktisk gennem bydelsmødrene. Der var nogle mødre, der stod og så deres børn træne, og så sagde en af dem, at hun også gerne ville spille. Og så snakkede vi med helhedsplanen, og de hjalp med at finde en træningstid i hallen, hvor der ikke var mænd, og så søgte vi nogle penge til tøj. Der kommer ti-tolv stykker hver torsdag. Det er, altså, det er noget af det, jeg er mest stolt af."),
    ("Speaker 1", "Hvordan er jeres samarbejde med helhedsplanen generelt?"),
    ("Speaker 2", "Godt. Meget godt, faktisk. De har hjulpet os med rigtig meget. Fondsansøgninger, for eksempel. Jeg er elektriker, jeg har ikke forstand på at skrive ansøgninger. Og de har hjulpet os med at få fat i nogle af de børn, der ikke selv kom. Altså, hvor forældrene ikke vidste, at man bare kunne gå til fodbold, eller troede, det var dyrt."),
    ("Speaker 1", "Er det dyrt?"),
    ("Speaker 2", "Det er 600 kroner om halvåret. For en familie med fire børn er det jo mange penge. Så vi har en ordning nu, hvor helhedsplanen har skaffet nogle midler til kontingentstøtte. Det er ikke meget, men det gør, at vi kan sige ja, når der kommer en mor og spørger."),
    ("Speaker 1", "Hvad med fritidsjobbene? Er I en del af det?"),
    ("Speaker 2", "Ja! Det er faktisk rigtig godt. Vi har fire unge, der er hjælpetrænere, og som får en lille løn via fritidsjobordningen. Det er nogle, der selv har spillet i klubben, og nu træner de de små. Og det gør noget ved dem. De bliver, hvad skal man sige, de bliver voksne på en anden måde. Og de små ser op til dem. Det er det bedste, vi har lavet sammen."),
    ("Speaker 1", "Og det vil I gerne fortsætte med?"),
    ("Speaker 2", "Ja, absolut. Hvis der er penge til det."),
    ("Speaker 1", "Har der været problemer med uro eller konflikter, efter der er kommet flere børn fra Lærkehøj?"),
    ("Speaker 2", "Nej, det har vi aldrig oplevet. Ikke noget alvorligt i hvert fald. Et rødt kort hist og her, men det er lige så tit forældrene på sidelinjen. [griner]"),
    ("Speaker 1", "Er der noget, der er svært i samarbejdet?"),
    ("Speaker 2", "[pause] Ja. Øh. Det kan jeg godt sige. Jeg synes nogle gange, at de regner med, at vi bare kan tage imod. Altså, \"vi har ti børn, der gerne vil spille, kan I ikke tage dem?\" Og det vil vi jo gerne. Men vi er frivillige. Alle sammen. Jeg har et fuldtidsjob, og så bruger jeg, jeg har regnet på det, omkring femten timer om ugen på klubben. Og når der kommer ti nye børn, hvoraf tre har det svært, så skal der jo være nogen, der tager sig af det. Og det er os. Der var en periode sidste år, hvor jeg tænkte, nu gider jeg ikke mere. Det har jeg sagt til dem. Og de tog det faktisk pænt. De kom med en fra frivilligcentret, der hjalp os med at lave en kampagne for at få forældre med. Vi fik tre nye trænere ud af det. Så det hjalp lidt."),
    ("Speaker 1", "Hvad tror du, der skal til for, at flere forældre vil hjælpe?"),
    ("Speaker 2", "At de bliver spurgt. Direkte. Der er mange, der ikke ved, at man bare kan melde sig. Og så er der nogle, der tror, at det kræver en trænereksamen. Og sproget. Der er nogen, der er bange for, at deres dansk ikke er godt nok. Men det er jo fodbold. [griner] Det er ikke så svært. Bolden taler ikke dansk."),
    ("Speaker 1", "Ved jeres medlemmer og forældre, hvad helhedsplanen er?"),
    ("Speaker 2", "Nej. Det tror jeg ikke. Jeg ved knap nok selv, hvad der er helhedsplanen, og hvad der er boligforeningen. Jeg tror, de fleste forældre tror, at det er kommunen, der betaler kontingentstøtten. Og så er der nogen af dem, der siger tak til kommunen for det. [griner]"),
    ("Speaker 1", "Betyder det noget?"),
    ("Speaker 2", "For mig? Nej. Men jeg kan godt forstå, at det betyder noget for dem. De skal jo vise, at de gør noget. Og det gør de."),
    ("Speaker 1", "Hvad med beboerdemokratiet, afdelingsbestyrelsen. Har I noget med dem at gøre?"),
    ("Speaker 2", "Øh, lidt. Vi låner beboerhuset til vores sæsonafslutning. Og så var der noget med en kunstgræsbane, som vi gerne ville have på den store græsplæne, og der sagde bestyrelsen nej. Det var deres ret. Det var lidt ærgerligt, men jeg forstår det godt, der er nogle ældre, der sidder og kigger ud over den plæne. (utydeligt) … og de vil ikke have lysmaster ind ad vinduet."),
    ("Speaker 1", "Var helhedsplanen med i den sag?"),
    ("Speaker 2", "De prøvede at mægle lidt. Det var nok ikke så sjovt for dem. [griner] De sad lidt i midten."),
    ("Speaker 1", "Hvis planen slutter, hvad sker der så for klubben?"),
    ("Speaker 2", "Så overlever vi. Vi var her før helhedsplanen, og vi er her også bagefter. Men kvindeholdet tror jeg ikke overlever. Og kontingentstøtten forsvinder. Og hjælpetrænerne, det ved jeg ikke. Det er jo den løn, der gør, at de kan sige nej til at stå i et supermarked om lørdagen. Så ja, vi ville miste nogle af de ting, der er kommet til."),
    ("Speaker 1", "Hvad ville du ønske dig af en ny plan?"),
    ("Speaker 2", "Mere af det samme. Og så ville jeg ønske, at der var en, der kunne hjælpe med det administrative. Altså, en halv dag om ugen. Medlemsregistrering, kontingent, alt det kedelige. Så kunne jeg bruge min tid på banen. Hvis man kunne lave sådan en fælles foreningskonsulent for alle foreningerne herude, så ville det være … ja, det ville være en drøm."),
    ("Speaker 1", "Er der andre foreninger, der har det på samme måde?"),
    ("Speaker 2", "Det tror jeg. Jeg har snakket med dem fra gymnastikforeningen og dem fra den der, øh, kulturforening, Kulturhuset Lærken. De siger det samme. Det er de samme fem mennesker, der laver det hele."),
    ("Speaker 1", "Tak. Det var vist det, jeg havde."),
    ("Speaker 2", "Det var så lidt. Du må gerne komme og se en kamp en dag. Lørdag klokken ti."),
]


def build_docx(path):
    doc = Document()
    doc.add_heading(B07_TITLE, level=1)
    for tag, text in B07:
        parts = text.split("\n")
        doc.add_paragraph(f"{tag}: {parts[0]}")
        for cont in parts[1:]:
            doc.add_paragraph(cont)
    doc.save(path)


def build_odt(path):
    doc = OpenDocumentText()
    hstyle = Style(name="Heading 1", family="paragraph")
    hstyle.addElement(TextProperties(fontsize="14pt", fontweight="bold"))
    hstyle.addElement(ParagraphProperties(marginbottom="0.3cm"))
    doc.styles.addElement(hstyle)
    pstyle = Style(name="Turn", family="paragraph")
    pstyle.addElement(ParagraphProperties(marginbottom="0.2cm"))
    doc.styles.addElement(pstyle)
    doc.text.addElement(H(outlinelevel=1, stylename=hstyle, text=B09_TITLE))
    for tag, text in B09:
        doc.text.addElement(P(stylename=pstyle, text=f"{tag}: {text}"))
    doc.save(path)


def _ts(seconds):
    ms = round(seconds * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def build_srt(path):
    t = 1.2
    cues = []
    for i, (tag, text) in enumerate(B12, start=1):
        words = len(text.split())
        dur = max(1.5, words / 2.6)
        start, end = t, t + dur
        body = "\n".join(textwrap.wrap(f"{tag}: {text}", width=70))
        cues.append(f"{i}\n{_ts(start)} --> {_ts(end)}\n{body}\n")
        t = end + 0.4 + (i % 3) * 0.3
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(cues))


if __name__ == "__main__":
    os.makedirs(CORPUS, exist_ok=True)
    build_docx(os.path.join(CORPUS, "b07_skoleleder.docx"))
    build_odt(os.path.join(CORPUS, "b09_bestyrelsesformand.odt"))
    build_srt(os.path.join(CORPUS, "b12_foreningsformand.srt"))
    print(f"b07: {len(B07)} turns, b09: {len(B09)} turns, b12: {len(B12)} turns")
