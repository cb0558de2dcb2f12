"""Generates the timestamped and binary files of the held-out corpus.

Run with: /work/venv/bin/python benchmarks/heldout/build.py
All content is invented. Plain .txt/.md interviews that need no generation
(01, 02, 04, 05) are kept as hand-written files in corpus/.
"""
import os
import random
import re

from docx import Document
from odf.opendocument import OpenDocumentText
from odf.text import H, P

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

# --------------------------------------------------------------------------
# 03 – school, Int/Resp with timestamps after the tag
# --------------------------------------------------------------------------
SKOLE = [
    ("Int", "Så er vi i gang. Kan du starte med at fortælle om din rolle?"),
    ("Resp", "Ja. Jeg er afdelingsleder på Engskolen, for indskolingen og mellemtrinnet, og har været her i seks år. Før det var jeg lærer i Odense. Cirka 60 procent af vores elever kommer fra Stjerneparken, så vi har et tæt forhold til området, på godt og ondt."),
    ("Int", "Hvordan har samarbejdet med helhedsplanen været?"),
    ("Resp", "Det har været svingende, skal jeg være ærlig. I starten havde vi svært ved at finde ud af, hvad de egentlig kunne. Der kom et par stykker herover og præsenterede sig på et lærermøde, og bagefter sad mine lærere og spurgte mig: er det nogen fra forvaltningen? Er det Familieafdelingen? Og det kunne jeg ærligt talt ikke helt svare på. Det tog nok et år, før vi vidste, hvem man ringer til med hvad."),
    ("Int", "Og ved I det nu?"),
    ("Resp", "Mere eller mindre. [griner] Vi har en fast kontakt nu, Mette, forældrerådgiveren, og det gør en kæmpe forskel. At der er et navn og et ansigt. Hvis hun stopper, står vi et helt andet sted igen. Det har vi prøvet med andre projekter."),
    ("Int", "Kan du give et eksempel på et forløb, hvor det har fungeret?"),
    ("Resp", "Ja. Uden at sige for meget. Vi havde en dreng i fjerde med meget højt fravær, og vi havde indkaldt til møder, sendt breve, det hele, og familien kom bare ikke. Mor var simpelthen bange for os, tror jeg. For skolen, for systemet. Mette fik et møde i stand hjemme hos dem, og en uge efter kom mor så herover, og Mette sad med. Det var vi aldrig nået til selv. Drengen har stadig fravær, men det er halveret."),
    ("Int", "Hvad tror du, der gjorde forskellen?"),
    ("Resp", "At hun ikke er os. Og at hun ikke er kommunen. Det er lidt paradoksalt, for jeg har jo lige sagt, at folk ikke kan kende forskel, men familierne, de mærker det. Hun har ikke myndighedskasketten på. Hun kan ikke fjerne nogens børn. Det er en kæmpe fordel."),
    ("Int", "Lektiecaféen, har I noget samarbejde der?"),
    ("Resp", "Lidt. Vi lagde lokaler til i en periode, men så blev den flyttet til Stjernehuset, og det synes jeg var ærgerligt. Ikke fordi det er et dårligt sted, men det er længere væk for de mindste, og så kommer de ikke. Jeg har ikke tal på det, men jeg har en fornemmelse af, at vi tabte nogle af dem på gulvet dér."),
    ("Int", "Har du indtryk af, at den gør en forskel fagligt?"),
    ("Resp", "Det er svært at sige. Jeg vil ikke påstå, at vi kan se det i de nationale test. Men jeg kan se det på enkelte børn, som afleverer deres opgaver nu. Og så er det også et sted at være om eftermiddagen. Det tæller også."),
    ("Int", "Hvordan oplever du, at de kan følge med, altså i forhold til hvad I har brug for?"),
    ("Resp", "Kort sagt: det kan de ikke. [griner] Men det er ikke en kritik af dem. Mette har vel en halv stilling til det her, ik', og der er fire-fem hundrede børnefamilier i Stjerneparken. Regn selv efter. Når vi ringer med en ny familie, så er svaret tit: jeg kan først i næste måned. Og det er forståeligt, men en måned i et barns liv er lang tid. Nogle gange har det nået at eskalere, og så ender vi med en underretning alligevel."),
    ("Int", "Hvad ville du ønske dig?"),
    ("Resp", "At man kom ind tidligere. Vi kan jo se det i børnehaveklassen, nogle gange allerede i børnehaven, hvem der kommer til at have det svært. Hvis der var nogen, der kunne tage fat i forældrene dér, i stedet for når barnet er tolv og har det skidt... Men det kræver flere hænder, og om der er penge til det, det ved jeg ikke."),
    ("Int", "Kender du de andre aktiviteter, for eksempel det opsøgende team eller gældsrådgivningen?"),
    ("Resp", "Det opsøgende team kender jeg af navn. Jeg tror, vores SSP-konsulent har mere med dem at gøre. Gældsrådgivningen har jeg faktisk henvist en enkelt mor til, som havde fået et brev om udsættelse. Men hvordan det gik, aner jeg ikke. Det hører vi jo ikke noget om bagefter."),
    ("Int", "Er det et problem, at I ikke hører noget?"),
    ("Resp", "Ja og nej. Der er jo tavshedspligt. Men det ville være rart med en eller anden form for tilbagemelding. Bare et \"vi har fat i dem\". Ellers sidder man og tænker: er hun faldet igennem?"),
    ("Int", "Hvad med fremtiden? Planen udløber jo."),
    ("Resp", "Jeg håber virkelig ikke, det bare stopper. Det ville være så typisk, ik'. Man bygger noget op i fire år, og så lukker det, og så kommer der et nyt projekt med et nyt navn om to år, og så starter vi forfra med at finde ud af, hvem der er hvem. Hvis jeg skulle vælge én ting, så er det forældrerådgivningen, der skal blive."),
    ("Int", "Og festen, nyhedsbrevet og den slags?"),
    ("Resp", "[griner] Det har jeg ikke så meget forstand på. Jeg har set plakaterne. Jeg tror, det er fint. Men det er ikke dér, min bekymring ligger."),
    ("Int", "Hvad med samarbejdet med dagtilbuddene og biblioteket, er det noget, I taler sammen om?"),
    ("Resp", "Med biblioteket, ja. De har haft nogle sprogforløb og en sommerlæsning, hvor vi har sendt børn over. Det er mere os og dem direkte. Dagtilbuddene taler vi med ved overgangen til skolen, men det er en helt anden kanal."),
    ("Int", "Er der noget, du vil tilføje?"),
    ("Resp", "Bare at det er vigtigt, at I også snakker med lærerne og pædagogerne ude på gulvet, ikke kun med os ledere. Det er dem, der mærker det."),
    ("Int", "Godt. Tak for din tid."),
]

# --------------------------------------------------------------------------
# 06 – chair of the tenants' board, docx with I:/R:, multi-paragraph turns
# --------------------------------------------------------------------------
BESTYRELSE = [
    ("I", "Vil du starte med at fortælle, hvordan du er kommet ind i beboerdemokratiet?"),
    ("R", "Det var egentlig ret tilfældigt. Jeg kom til et afdelingsmøde i 2009, fordi der var en huslejestigning på dagsordenen, og jeg var sur. [griner] Og så sad jeg der og brokkede mig, og så sagde den gamle formand: jamen så må du jo stille op. Og det gjorde jeg så.\n\nNu har jeg været formand i syv år. Det er ulønnet, det skal man huske. Vi får en gavekurv til jul og et par hundrede kroner til telefon. Resten er fritid. Og det er meget fritid."),
    ("I", "Hvor stor er afdelingen?"),
    ("R", "Vi er 340 lejemål. Hele Stjerneparken er vel omkring de 900."),
    ("I", "Hvad fylder mest i jeres arbejde?"),
    ("R", "Drift. Vinduer, legepladser, affald, vaskeriet. Det er det, folk ringer om. Og så selvfølgelig renoveringen, som har fyldt enormt de sidste år. Folk er bange for huslejen."),
    ("I", "Hvordan har I som bestyrelse været involveret i helhedsplanen?"),
    ("R", "Jeg sidder i styregruppen. Og vi var med til at lave strategien i starten.\n\nDet skal jeg ærligt sige, det var ikke kærlighed ved første blik. Den første plan, vi havde, den før den her, blev lavet oppe på rådhuset og ovre i hovedforeningen, og så fik vi den nærmest præsenteret som færdig. Der var mange i bestyrelsen, der følte sig kørt over. Det er trods alt os, der bor her.\n\nDen her gang har det været bedre. Sekretariatslederen kom og spurgte os først. Hun sad med til vores bestyrelsesmøder i et halvt år, før de gik i gang med noget som helst. Det gjorde en forskel.\n\nMen der er stadig gnidninger, det skal jeg ikke lægge skjul på."),
    ("I", "Kan du sige mere om dem?"),
    ("R", "Det handler nok mest om, hvem der bestemmer, hvad der skal ske herude.\n\nDer kommer foreninger og frivillige inde fra byen, som gerne vil lave noget, og det er sådan set fint. Men nogle gange får man indtryk af, at de tror, der ikke sker noget herude, før de kommer. Vi har haft strikkeklub og petanque og sommerfest i årevis. Så kommer der en forening og vil lave \"fællesskabsaktiviteter for ældre\". Ja tak, det har vi.\n\nOg så er der fælleshuset. Det er beboernes hus, betalt af beboerne. Når sekretariatet booker det til nogen udefra, så skal det gå gennem os. Det er ikke for at være besværlige. Det er fordi vi står til ansvar over for beboerne, hvis der bliver rodet, eller der forsvinder ting.\n\nJeg ved godt, at nogen ser os som nogle gamle sure mænd, der sidder på nøglerne. [griner] Det er måske også lidt rigtigt. Men vi har set mange projekter komme og gå. Vi er her stadig, når projektmedarbejderne er rejst."),
    ("I", "Er der også eksempler, hvor det har fungeret med foreningerne?"),
    ("R", "Ja, bestemt. Fodboldklubben. De kom og spurgte pænt, og de har lavet gadefodbold om fredagen for de store drenge, og de rydder selv op. Og biblioteket har haft noget sprogcafé for kvinderne i fælleshuset, det har der vist været mange, der var glade for. Så det er ikke, fordi vi er imod. Det er måden, det gøres på."),
    ("I", "Oplever du, at beboerne kender forskel på jer og sekretariatet?"),
    ("R", "Nej. [griner] Overhovedet ikke. Folk tror, jeg er ansat i Stjernehuset. Eller de tror, Stjernehuset er kommunen. Jeg får opkald klokken ti om aftenen om ting, jeg ikke har noget med at gøre. Omvendt går folk derover med klager over vaskeriet, og så sender de dem videre til os eller til ejendomskontoret. For almindelige mennesker er det ét stort virvar. Og det kan man jo godt forstå. Vi har selv svært ved at holde styr på det nogle gange."),
    ("I", "Betyder det noget?"),
    ("R", "Ja, det synes jeg. For når noget går galt, er det os, der får skældud. Hvis der har været et arrangement i fælleshuset, og der ligger pizzabakker næste morgen, så er det bestyrelsen, der får skylden.\n\nOg omvendt: når noget lykkes, så er det helhedsplanen, der får æren. Det er måske lidt smålig at sige. Men sådan er det."),
    ("I", "Hvad med aktiviteterne? Hvad tænker du har haft betydning?"),
    ("R", "Gældsrådgivningen. Uden tvivl.\n\nVi har haft et stort problem med restancer og udsættelser. Folk der kommer bagud med huslejen og så stikker hovedet i busken, og så står fogeden der. Det er forfærdeligt, også for naboerne. Der var en familie med fire børn i min opgang for to år siden.\n\nRådgiveren har fået fat i rigtig mange af dem, før det går så vidt. Og jeg kan se det i tallene for restancer, når vi får regnskabet. Ikke at det kun er hende, men det hjælper.\n\nProblemet er, at der er kø. Der er vist en måneds ventetid eller mere. Og når man har fået et rykkerbrev, så har man ikke en måned. Så der burde være to. Det har jeg sagt i styregruppen flere gange. Om det er trængt igennem, ved jeg ikke."),
    ("I", "Og de andre aktiviteter?"),
    ("R", "Det opsøgende arbejde med de unge har jeg blandede følelser omkring. Der er mere ro, det er rigtigt. Men jeg hører også fra nogle beboere, at medarbejderne er lidt for gode venner med de unge. At de står og griner med dem, mens de sidder og ryger i opgangene. Jeg ved ikke. Det er måske deres metode. Jeg er ikke pædagog.\n\nFestivalen... jamen den var fin. Folk kom. Men det er jo en engangsforestilling."),
    ("I", "Hvad med nyhedsbrevet?"),
    ("R", "Vi har fået en side i det til bestyrelsens ting. Det er godt. Før kopierede vi selv og delte ud."),
    ("I", "Hvis du skulle sige noget om tiden efter, når planen udløber?"),
    ("R", "Så skal det, der virker, blive. Gældsrådgivningen og familiestøtten. Det siger jeg til både kommunen og boligorganisationen: hvis I lader det løbe ud i sandet, så har vi brugt fire år og en masse millioner på ingenting. Og så skal beboerdemokratiet have en reel plads ved bordet, ikke bare en stol til pynt."),
    ("I", "Tak for det. Er der andet?"),
    ("R", "Nej. Jo, skriv at vi ikke er imod. [griner] Det er vigtigt for mig. Vi er ikke imod. Vi vil bare gerne spørges."),
]

# --------------------------------------------------------------------------
# 07 – health visitor, auto transcription, Taler 1/Taler 2 + own-line stamps
# (consecutive blocks by the same speaker, as transcription tools split them)
# --------------------------------------------------------------------------
SUNDHEDSPLEJE = [
    ("Taler 1", "Så optager den. Vil du starte med at sige lidt om hvad du laver?"),
    ("Taler 2", "Ja jeg er sundhedsplejerske i Vestby Kommune og jeg har Stjerneparken og lidt af villakvarteret nord for som mit distrikt. Det har jeg haft i snart ni år."),
    ("Taler 1", "Hvordan er det at være sundhedsplejerske herude?"),
    ("Taler 2", "Det er spændende. Det er også hårdt nogle gange. Man kommer ind i mange hjem hvor der er rigtig meget på spil, økonomi, sprog, nogle gange vold, nogle gange bare ensomhed. Mange af de unge mødre har ikke deres egen mor i nærheden. Så er der ingen til at sige at det er helt normalt at han græder."),
    ("Taler 2", "Og så er der selvfølgelig også mange familier der har det helt fint. Det skal man huske. Det er ikke alle der har problemer fordi de bor her."),
    ("Taler 1", "Hvornår hørte du første gang om helhedsplanen?"),
    ("Taler 2", "Jamen der har jo været helhedsplaner herude så længe jeg har været her. Men forældre rådgiveren hørte jeg om for et par år siden da hun kom til vores personalemøde. Og jeg tænkte egentlig ej endnu et projekt. Det må jeg ærligt indrømme."),
    ("Taler 1", "Hvorfor det?"),
    ("Taler 2", "Fordi de kommer og går. Man når lige at lære dem at kende og så er pengene brugt. Og så har man introduceret en familie til en og så er hun væk. Det er ikke rart over for familierne."),
    ("Taler 1", "Har det ændret sig?"),
    ("Taler 2", "Ja det har det faktisk. Mette har været her i tre år nu og hun er blevet en jeg bruger. Når jeg har en mor hvor jeg kan mærke at der er mere i det end amning og søvn, hvor der er noget med økonomien eller med manden eller de større søskende, så kan jeg sige der er en i stjerne huset du kan snakke med. Og hun tager med på et hjemmebesøg hvis det er."),
    ("Taler 1", "Hvordan tager familierne imod det?"),
    ("Taler 2", "Blandet. Nogle er meget glade. Andre bliver nervøse for at det er kommunen. Jeg er jo selv fra kommunen så når jeg siger at hun ikke er det så tror de mig ikke helt. De tror vi alle sammen sidder på samme kontor og snakker om dem."),
    ("Taler 2", "Og helt ærligt så er det også svært at forklare. Hun er ansat af boligorganisationen men kommunen betaler en del af det og hun har kontor i stjerne huset og hun er med til vores netværksmøder. Så hvad er hun. Det kan jeg godt forstå at en mor der har været i landet i to år har svært ved at regne ud."),
    ("Taler 1", "Er der noget der kunne gøre det lettere?"),
    ("Taler 2", "Måske et tydeligere navn eller noget. Der står jo ikke på døren hvad det er. Stjerne huset det kunne lige så godt være en børnehave."),
    ("Taler 1", "Hvad med tiden, kan hun nå det hun skal?"),
    ("Taler 2", "Nej det kan hun ikke. Det er ikke nogen hemmelighed. Jeg har henvist familier hvor der er gået fem seks uger før de fik en samtale og i mellemtiden er der sket et eller andet. Og hun siger det jo selv, hun kan ikke nå det. Hun har 30 timer og hun skal også lave forældre cafeer og holde møder med skolen og alt muligt."),
    ("Taler 1", "Hvad ville du ønske?"),
    ("Taler 2", "At man kom i gang tidligere. Faktisk allerede i graviditeten. Vi ser jo godt hvem der kommer til at få det svært. Hvis hun kunne være med allerede der inden barnet kommer så kunne man nå meget mere. Når jeg kommer på besøg efter fødslen så er de allerede midt i det."),
    ("Taler 2", "Og så flere timer. Det er jo det."),
    ("Taler 1", "Er der andre af aktiviteterne du kender til?"),
    ("Taler 2", "Gældsrådgivningen har jeg henvist til et par gange. Det er tit det der ligger under det hele. Hvis man ikke kan betale sin husleje så kan man ikke tænke på om barnet får d vitamin. Sådan er det bare."),
    ("Taler 2", "Og så var der mødregruppen som de startede for de mødre der ikke passede ind i de almindelige mødregrupper. Den var god. Den er vist stoppet nu. Jeg tror det var den frivillige der flyttede."),
    ("Taler 1", "Hvad betyder det at den er stoppet?"),
    ("Taler 2", "At de mødre sidder alene igen. Jeg har prøvet at få nogle af dem med i vores almindelige grupper men det er ikke det samme."),
    ("Taler 1", "Hvis planen ikke bliver forlænget, hvad så?"),
    ("Taler 2", "Så ville jeg mangle en samarbejdspartner. Det vil jeg gerne sige helt klart. Men jeg vil også sige at hvis det skal fortsætte så skal det være med ordentlige rammer og ikke fordi man lige skal bruge resten af nogle puljemidler. Det skal være noget man kan regne med."),
    ("Taler 1", "Tak. Er der noget du vil tilføje?"),
    ("Taler 2", "Nej jeg tror jeg har sagt det hele. Jo at man skal huske at spørge mødrene selv. Ikke kun os."),
]

# --------------------------------------------------------------------------
# 08 – municipal social worker, Teams VTT
# --------------------------------------------------------------------------
INT_08 = "Katrine Holm"
RESP_08 = "Jesper Nørgaard"
SOCIAL = [
    (INT_08, "Godt, så tror jeg optagelsen kører. Kan du høre mig ordentligt?"),
    (RESP_08, "Ja, fint. Du hakker lidt en gang imellem, men det går nok."),
    (INT_08, "Okay. Vil du starte med at fortælle om din rolle?"),
    (RESP_08, "Ja. Øh, jeg er socialrådgiver i Familieafdelingen i Vestby Kommune, og jeg sidder i den her områdefunktion, hvor vi har sagerne fra Stjerneparken og Engkvarteret. Så jeg har vel en fyrre-halvtreds familier fra Stjerneparken på sagsstammen lige nu. Og har haft det i fire år."),
    (INT_08, "Er det mange sager?"),
    (RESP_08, "Det er for mange, hvis du spørger mig. [griner] Men det er ikke noget særligt for Stjerneparken, det er hele afdelingen. Vi har haft meget udskiftning, to kolleger er stoppet i år, så vi har delt deres sager imellem os."),
    (INT_08, "Hvordan samarbejder du med helhedsplanen?"),
    (RESP_08, "Øh, det er især med familiestøtten, altså forældrerådgiveren, og så lidt med gældsrådgiveren. Vi har de her månedlige netværksmøder, hvor skolen, sundhedsplejen, SSP og Stjernehuset er med. Og så ringer vi til hinanden. Det er faktisk det vigtigste. At man kan ringe."),
    (INT_08, "Hvad bruger du dem til?"),
    (RESP_08, "Jamen de kan noget, vi ikke kan. Vi er myndighed. Når jeg kommer, har jeg en lovgivning i baghånden, og det ved familierne godt. Så er de på vagt. Hun kan gå ind ad døren uden det. Hun sidder faktisk tit og hjælper dem med at læse et brev fra os. Det sker ret ofte, at en mor kommer til møde hos mig med Mette ved siden af, og så går det bare bedre."),
    (INT_08, "Er der også udfordringer i samarbejdet?"),
    (RESP_08, "Ja, selvfølgelig. Øh, den største er nok, at grænsen nogle gange er lidt uklar. Der har været situationer, hvor jeg tænkte, det her burde vi have hørt om for længe siden. Hvor de har holdt lidt for længe på en familie, fordi de gerne ville bevare tilliden. Og det forstår jeg godt. Men der er en underretningspligt, og den gælder også for dem."),
    (RESP_08, "Det har vi snakket om, og det er blevet bedre. Men det er et tema."),
    (INT_08, "Hvad med familierne, ved de, hvem der er hvem?"),
    (RESP_08, "Nej. Nej, det tror jeg ikke. Jeg har oplevet en far, der sagde til mig: jamen jeg har jo allerede snakket med kommunen. Og så mente han Stjernehuset. Og omvendt er der nogen, der tror, at alt hvad de siger derovre, går direkte videre til mig. Det gør det jo ikke. Men jeg forstår godt forvirringen. Det er et sammensurium af aktører herude."),
    (INT_08, "Er det et problem?"),
    (RESP_08, "Både og. Det kan betyde, at nogle holder sig væk, fordi de tror, det er os. Og det er jo lige præcis dem, man gerne vil have fat i."),
    (INT_08, "Du nævnte gældsrådgivningen?"),
    (RESP_08, "Ja. Den er, øh, guld værd. Ærlig talt. Jeg har haft familier, hvor hele sagen egentlig handlede om, at de var ved at blive sat ud, og så kunne vi ikke arbejde med noget andet, fordi de var i ren overlevelse. Når hun får lavet en afdragsordning med boligselskabet, så kan man pludselig snakke om børnene igen."),
    (RESP_08, "Men hun er alene, og man venter en måned, seks uger. Det har jeg sagt flere gange. Der burde være mindst én til."),
    (INT_08, "Hvad med den opsøgende indsats over for de unge?"),
    (RESP_08, "Det har jeg ikke så meget med at gøre, det er mere SSP og politiet. Men jeg hører fra mine kolleger, at det fungerer. Jeg har en enkelt ung på sagsstammen, hvor det var den opsøgende medarbejder, der fik ham med til et møde på jobcentret. Det havde vi prøvet i et år."),
    (INT_08, "Hvis du skal vurdere det hele samlet?"),
    (RESP_08, "Øh, altså, jeg vil sige, at det har gjort mit arbejde lettere. Det er det ærligste svar. Om det har ændret Stjerneparken, ved jeg ikke, det er jeg ikke den rette til at vurdere. Men for de familier, jeg har, har det gjort en forskel, at der var nogen imellem."),
    (INT_08, "Og fremover?"),
    (RESP_08, "Jamen jeg håber da, at kommunen finder en måde at videreføre noget af det på. Men jeg er ikke naiv. Der skal spares. Så det kan godt være, det bliver skåret. Og så står vi med det alene igen."),
    (INT_08, "Er der noget, du synes, jeg skulle have spurgt om?"),
    (RESP_08, "Nej... måske om det, vi andre kunne gøre bedre. Vi er heller ikke altid gode til at give tilbagemeldinger til dem. Det skal også med."),
    (INT_08, "Det er et godt punkt. Tak fordi du tog dig tid."),
    (RESP_08, "Selv tak. Hej hej."),
]

# --------------------------------------------------------------------------
# 09 – resident, debt counselling, SRT with Speaker 1/Speaker 2
# --------------------------------------------------------------------------
GAELD = [
    ("Speaker 1", "Tak fordi du ville være med. Vil du fortælle lidt om dig selv?"),
    ("Speaker 2", "Ja. Jeg hedder... skal jeg sige navn?"),
    ("Speaker 1", "Nej, det behøver du ikke."),
    ("Speaker 2", "Okay. Jeg er 47, jeg kører taxa, har gjort det i femten år. Jeg har to drenge, de bor hos mig hver anden uge. Og så bor jeg i blok 7, på fjerde."),
    ("Speaker 1", "Hvordan er det at bo her?"),
    ("Speaker 2", "Fint. Det er tæt på alt. Indkøb, motorvejen. Folk er okay. Jeg er ikke så meget hjemme, så."),
    ("Speaker 1", "Hvad laver drengene?"),
    ("Speaker 2", "Den store går i 1.g, den lille i sjette på Engskolen. Han spiller fodbold i klubben nede ved hallen, tre gange om ugen. Så jeg kører ham, når jeg har ham. Det er fint, der er nogle gode trænere. En af dem bor også herude."),
    ("Speaker 1", "Og renoveringen, hvordan har den været?"),
    ("Speaker 2", "Larm. [griner] Et halvt år med stillads for vinduerne. Men nu har vi nyt badeværelse, så. Huslejen steg også, det var ikke så godt lige på det tidspunkt."),
    ("Speaker 1", "Du har været hos den økonomiske rådgiver. Hvordan kom du derhen?"),
    ("Speaker 2", "Det var min søster. Hun havde set noget på Facebook, i gruppen. Jeg havde ikke selv lyst. Altså, man har ikke lyst til at sige til nogen, at man ikke kan betale sin husleje. Man skammer sig. Men hun blev ved. Hun ringede og bestilte tiden for mig, faktisk."),
    ("Speaker 1", "Hvordan så det ud på det tidspunkt?"),
    ("Speaker 2", "Skidt. Efter corona kørte jeg næsten ikke noget, og så var der skilsmissen, og så kom der regninger fra alle sider. Skat, boligselskabet, et kviklån, som var en dum idé. Til sidst åbnede jeg ikke brevene. Jeg lagde dem bare i en skuffe."),
    ("Speaker 1", "Og da du kom derhen?"),
    ("Speaker 2", "Først skulle jeg vente. Jeg ringede, og de sagde, der var tid om fem uger. Fem uger! Jeg havde et brev om, at jeg skulle ud af lejligheden. Så jeg sagde det, og så fik jeg en tid hurtigere. Men hvis jeg ikke havde sagt det... ja."),
    ("Speaker 1", "Hvad skete der så?"),
    ("Speaker 2", "Hun tog skuffen. [griner] Jeg kom med alle brevene i en Netto-pose. Hun sorterede det hele. Hun ringede til boligselskabet, mens jeg sad der, og så fik vi en aftale om at betale af. Og hun hjalp mig med at søge om noget hos kommunen. Det tog to timer. Det havde jeg aldrig gjort selv."),
    ("Speaker 1", "Hvordan har du det med det i dag?"),
    ("Speaker 2", "Bedre. Jeg er ikke ude af det. Men jeg ved, hvad jeg skylder. Det er mærkeligt, men det er bedre at vide det. Før var det bare en stor sort sky."),
    ("Speaker 1", "Hvem tænker du, rådgiveren er ansat af?"),
    ("Speaker 2", "Boligselskabet. Fordi hun kunne ringe til dem. Nej?"),
    ("Speaker 1", "Det er helhedsplanen, den boligsociale indsats."),
    ("Speaker 2", "Nå. Ja ja. Det er da lige meget. Nej, altså, det er ikke lige meget, for hvis jeg havde troet, hun var fra boligselskabet, så havde jeg nok ikke turdet gå derhen. Man fortæller jo ikke dem, man skylder penge, at man ikke kan betale. [griner] Men jeg tænkte ikke over det, så."),
    ("Speaker 1", "Har du brugt andre ting i Stjernehuset?"),
    ("Speaker 2", "Min store søn fik hjælp til at finde et fritidsjob. Han arbejder i et cateringfirma i weekenderne nu. Det er godt for ham. Han får sine egne penge, og han lærer, at penge ikke bare kommer af sig selv. [griner] Det har jeg jo lært ham. Den hårde vej."),
    ("Speaker 1", "Er der noget, der kunne have været anderledes?"),
    ("Speaker 2", "At det var nemmere at komme ind. Ventetiden. Og tidspunkterne. Jeg kører taxa, jeg kan ikke komme klokken ti en tirsdag. Hun havde kun om dagen. Hvis der var en aften om ugen, så kom der mange flere mænd, tror jeg. Det er mest kvinder, der går derhen."),
    ("Speaker 1", "Hvorfor tror du det?"),
    ("Speaker 2", "Mænd beder ikke om hjælp. Det ved du godt. [griner] Vi venter, til det brænder."),
    ("Speaker 1", "Hvis rådgivningen ikke var der mere?"),
    ("Speaker 2", "Så havde jeg nok stået på gaden. Det er ikke for at dramatisere. Sådan er det bare. Der er mange herude, der har det, som jeg havde det. De ved det bare ikke endnu."),
    ("Speaker 1", "Tak. Er der mere, du vil sige?"),
    ("Speaker 2", "Nej. Det var det. (utydeligt) ...skal jeg underskrive noget?"),
]

# --------------------------------------------------------------------------
# 10 – property manager, housing association, ODT Interviewer/Informant
# ("\n\n" = continuation paragraph without a tag)
# --------------------------------------------------------------------------
EJENDOM = [
    ("Interviewer", "Kan du starte med at fortælle om din funktion?"),
    ("Informant", "Ja. Jeg er ejendomsleder for Stjerneparken. Det vil sige, at jeg har ansvaret for driften og for personalet på ejendomskontoret, vi er elleve i alt med ejendomsfunktionærerne, og så er jeg kontaktperson for afdelingsbestyrelserne. Jeg har været her i fem år. Før det var jeg i en privat administration i Aarhus. Det er noget andet. [griner]"),
    ("Interviewer", "Hvordan noget andet?"),
    ("Informant", "Herude er det ikke bare mursten. Man kan ikke undgå at blive involveret i folks liv. Mine folk kommer ind i lejlighederne for at skifte en radiator, og så ser de alt muligt. Et barn, der er alene hjemme på en skoledag. En ældre, der ikke har fået noget at spise. Og hvad gør man så?"),
    ("Interviewer", "Hvad gør I?"),
    ("Informant", "Før: ingenting. Eller vi ringede til kommunen, og så hørte vi aldrig mere. Nu ringer vi over til Stjernehuset. Det er faktisk en af de største forskelle. At der er et sted at ringe hen, hvor man kender dem."),
    ("Interviewer", "Hvordan er samarbejdet ellers?"),
    ("Informant", "Godt. Vi har et ugentligt møde, hvor vi går restancelisten igennem med gældsrådgiveren. Ikke alle vil have kontakt, men vi kan i hvert fald sende et brev, hvor der står: du kan få hjælp. Og hun banker på, nogle gange sammen med en af mine folk."),
    ("Interviewer", "Har det haft en effekt?"),
    ("Informant", "Udsættelserne er gået ned. Jeg skal passe på med tallene, men vi lå omkring tyve om året, da jeg startede, og sidste år var vi nede på otte. Så ja. Om det alene er hende, tør jeg ikke sige. Men hun har en stor del af æren."),
    ("Interviewer", "Og beboerne, ved de, hvem der er hvem?"),
    ("Informant", "Ha. Nej. Der kommer folk ind på ejendomskontoret og vil have hjælp til at søge kontanthjælp. Og der går folk ind i Stjernehuset og vil have skiftet en pære. Og så er der dem, der tror, at bestyrelsen er os. Og at vi er kommunen. [griner] Jeg er holdt op med at forklare det. Jeg siger bare: kom, så går vi derover sammen."),
    ("Interviewer", "Er det et problem?"),
    ("Informant", "Ikke for mig. Måske for dem, når de skal evalueres. [griner] Men ja, det kan godt være et problem, hvis folk tror, at en klage over en nabo ender hos kommunen, og så tør de ikke sige noget."),
    ("Interviewer", "Hvordan oplever du forholdet mellem beboerdemokratiet og de foreninger og frivillige, der er kommet til?"),
    ("Informant", "Det er et ømt punkt. [pause] Jeg skal være lidt forsigtig her, for jeg arbejder jo for bestyrelserne. Men der er noget. Nogle af de mest aktive i bestyrelserne har været her i mange år og kæmpet for det hele. Og så kommer der nogen fra byen, fra en forening, med gode intentioner og en pose penge, og vil lave noget i fælleshuset. Det kan godt føles som en invasion for nogen.\n\nOmvendt er der også nogle i bestyrelserne, der har taget rigtig godt imod det. Formanden i afdeling 2 for eksempel, hun er jo selv med i lektiecaféen. Så det er ikke sort-hvidt."),
    ("Interviewer", "Hvad kan man gøre ved det?"),
    ("Informant", "Spørge først. Det er egentlig så enkelt. Og give det tid. Det er ikke noget, der bliver løst på ét møde."),
    ("Interviewer", "Hvad med det opsøgende team?"),
    ("Informant", "Hærværket er faldet. Det kan jeg se på regningerne. Vi brugte mange penge på knuste ruder i kældrene og ødelagte postkasser. Det er ikke væk, men det er mindre. Og mine folk siger, at de unge hilser nu. Det gjorde de ikke før."),
    ("Interviewer", "Er der noget, der ikke fungerer?"),
    ("Informant", "Tja. De er for få. De er her om aftenen tre dage om ugen, og problemerne holder jo ikke åbningstider. Og så er der sommerferien, hvor de selv holder ferie, og det er lige dér, de unge keder sig mest. Det har vi sagt mange gange."),
    ("Interviewer", "Facebookgruppen og nyhedsbrevet, bruger I dem?"),
    ("Informant", "Vi låner lidt plads i nyhedsbrevet til driftsinformation. Facebookgruppen... den bliver administreret derovrefra, og den er ærligt talt lidt en hovedpine nogle gange. Der bliver skrevet mange ting om os. Men den er også hurtig, når vandet skal lukkes."),
    ("Interviewer", "Skal det fortsætte efter planperioden?"),
    ("Informant", "Gældsrådgivningen skal fortsætte. Det er jeg ikke i tvivl om. Det er også en god forretning for boligorganisationen, for en udsættelse koster. Resten må andre vurdere. Men jeg kan ikke forestille mig at gå tilbage til, hvordan det var."),
    ("Interviewer", "Tak for din tid."),
    ("Informant", "Selv tak. Nu skal jeg lige ringe til en VVS'er."),
]


def fmt_hms(sec):
    sec = int(sec)
    return "%02d:%02d:%02d" % (sec // 3600, sec % 3600 // 60, sec % 60)


def fmt_ms(sec, sep):
    ms = round(sec * 1000)
    h, ms = divmod(ms, 3600000)
    m, ms = divmod(ms, 60000)
    s, ms = divmod(ms, 1000)
    return "%02d:%02d:%02d%s%03d" % (h, m, s, sep, ms)


def durations(text, rng):
    """Rough speaking time: ~2.4 words per second."""
    return max(1.2, len(text.split()) / 2.4 + rng.uniform(0.2, 1.5))


def chunks(text, max_words=14):
    """Split a turn into subtitle-sized cues at sentence boundaries if possible."""
    sents = re.findall(r"[^.!?]+[.!?]*\s*", text.replace("\n\n", " "))
    out, cur = [], []
    for s in sents:
        w = s.split()
        if cur and len(cur) + len(w) > max_words:
            out.append(" ".join(cur))
            cur = []
        while len(w) > max_words:
            out.append(" ".join(w[:max_words]))
            w = w[max_words:]
        cur.extend(w)
    if cur:
        out.append(" ".join(cur))
    return out


def write_03():
    rng = random.Random(3)
    t = 4.0
    lines = ["Interview – samarbejdspartner, afdelingsleder, Engskolen", ""]
    for tag, text in SKOLE:
        lines.append("%s (%s): %s" % (tag, fmt_hms(t), text))
        lines.append("")
        t += durations(text, rng) + rng.uniform(0.5, 2.5)
    with open(os.path.join(OUT, "03_skole_afdelingsleder.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def write_06():
    doc = Document()
    doc.add_heading("Interview 6 – formand for afdelingsbestyrelsen, Stjerneparken", level=1)
    doc.add_paragraph("I = interviewer, R = respondent. Transskriberet ordret, mindre omskrivninger for anonymitet.")
    for tag, text in BESTYRELSE:
        paras = text.split("\n\n")
        doc.add_paragraph("%s: %s" % (tag, paras[0]))
        for extra in paras[1:]:
            doc.add_paragraph(extra)
    doc.save(os.path.join(OUT, "06_afdelingsbestyrelse.docx"))


def write_07():
    rng = random.Random(7)
    doc = Document()
    doc.add_paragraph("Transskription")
    doc.add_paragraph("sundhedsplejerske_stjerneparken.m4a")
    t = 2.0
    for tag, text in SUNDHEDSPLEJE:
        doc.add_paragraph(fmt_hms(t))
        doc.add_paragraph("%s: %s" % (tag, text))
        t += durations(text, rng) + rng.uniform(0.3, 2.0)
    doc.save(os.path.join(OUT, "07_sundhedsplejerske.docx"))


def write_08():
    rng = random.Random(8)
    guid = "7c2e91d4-5b3a-4f0e-a8d1-2e6f03b94c17"
    out = ["WEBVTT", ""]
    t = 3.12
    for i, (who, text) in enumerate(SOCIAL):
        for j, c in enumerate(chunks(text, 14)):
            d = max(1.0, len(c.split()) / 2.5)
            out.append("%s/%d-%d" % (guid, 11 + i, j))
            out.append("%s --> %s" % (fmt_ms(t, "."), fmt_ms(t + d, ".")))
            out.append("<v %s>%s</v>" % (who, c))
            out.append("")
            t += d
        t += rng.uniform(0.3, 1.8)
    with open(os.path.join(OUT, "08_socialraadgiver_teams.vtt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def write_09():
    rng = random.Random(9)
    out = []
    n = 1
    t = 0.8
    for who, text in GAELD:
        for c in chunks(text, 12):
            d = max(1.0, len(c.split()) / 2.5)
            out.append(str(n))
            out.append("%s --> %s" % (fmt_ms(t, ","), fmt_ms(t + d, ",")))
            out.append("%s: %s" % (who, c))
            out.append("")
            n += 1
            t += d + rng.uniform(0.05, 0.4)
        t += rng.uniform(0.3, 1.5)
    with open(os.path.join(OUT, "09_beboer_gaeldsraadgivning.srt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def write_10():
    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text="Interview – ejendomsleder, boligorganisationen"))
    doc.text.addElement(P(text="Stjerneparken, evaluering af helhedsplanen. Interviewet foregik på ejendomskontoret."))
    for tag, text in EJENDOM:
        paras = text.split("\n\n")
        doc.text.addElement(P(text="%s: %s" % (tag, paras[0])))
        for extra in paras[1:]:
            doc.text.addElement(P(text=extra))
    doc.save(os.path.join(OUT, "10_ejendomsleder.odt"))


METADATA = [
    ("file", "respondent_group", "rolle", "interviewer"),
    ("01_beboer_mor.txt", "borger", "mor til tre, bruger af forældrerådgivning og lektiecafé", ""),
    ("02_ung_mustafa.txt", "borger", "ung, 19 år, kontakt til opsøgende team og jobhjælp", "Sara"),
    ("03_skole_afdelingsleder.txt", "samarbejdspartner", "afdelingsleder, Engskolen", ""),
    ("04_fokusgruppe_aeldre.txt", "borger", "ældre beboere (fokusgruppe, 3 deltagere)", ""),
    ("05_frivillig_lone.md", "borger", "frivillig i lektiecaféen, beboer", ""),
    ("06_afdelingsbestyrelse.docx", "samarbejdspartner", "formand for afdelingsbestyrelsen", ""),
    ("07_sundhedsplejerske.docx", "samarbejdspartner", "sundhedsplejerske, Vestby Kommune", ""),
    ("08_socialraadgiver_teams.vtt", "samarbejdspartner", "socialrådgiver, Familieafdelingen, Vestby Kommune", "Katrine"),
    ("09_beboer_gaeldsraadgivning.srt", "borger", "far, bruger af gældsrådgivningen", ""),
    ("10_ejendomsleder.odt", "samarbejdspartner", "ejendomsleder, boligorganisationen", ""),
]


def write_metadata():
    # Danish Excel "CSV UTF-8": semicolons, BOM, CRLF line endings.
    with open(os.path.join(OUT, "metadata.csv"), "w", encoding="utf-8-sig", newline="") as f:
        for row in METADATA:
            f.write(";".join(row) + "\r\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_03()
    write_06()
    write_07()
    write_08()
    write_09()
    write_10()
    write_metadata()
    print("ok")
