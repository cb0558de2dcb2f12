"""Build the name lists that kvaleval's pseudonymiser ships in ``kvaleval/privacy/data``.

Run from the repository root with the development environment::

    python scripts/build_name_lists.py

Inputs (needed only here, never at run time):

* Faker's person providers (MIT, https://github.com/joke2k/faker): Danish first and
  last names (``da_DK``), the neighbours (``sv_SE``, ``no_NO``, ``de_DE``) and the
  locales of Denmark's larger immigrant groups that Faker writes in Latin script
  (``tr_TR``, ``en_PK``, ``pl_PL``, ``vi_VN``, ``hr_HR``, ``uz_UZ``, ``sw``,
  ``ro_RO``, ``lt_LT``). Faker's Arabic and Persian lists are in Arabic script, so the
  transliterated Arabic, Somali, Kurdish, Persian/Afghan, Tamil, Eritrean, Bosnian,
  Albanian, Ukrainian, Thai and Vietnamese names below were written for kvaleval.
* The Danish Hunspell dictionary (``apt-get install hunspell-da``; Stavekontrolden,
  LGPL-2.1/GPL-2/MPL-1.1), only to *decide* which names are also ordinary Danish
  words. No dictionary text is copied into the output, only the verdict per name.

Outputs (UTF-8, one entry per line, ``#`` header lines give source and licence):

* ``first_names.txt``, ``last_names.txt``: names as written, sorted.
* ``ambiguous_names.txt``: lower-cased names (and genitive forms) that are also
  ordinary Danish words ("bo", "per", "skov"); the pseudonymiser replaces these only
  when they are capitalised and not at the start of a sentence, or stand next to
  another name.

Names that are Danish function words ("han", "man", "vi") or are on the keep lists
(``keep_*.txt``: places, organisations, ordinary capitalised words) are left out, so a
keep-list entry always stays readable. Month names that are also given names
("August", "Maj") are kept in the name lists; the pseudonymiser decides by context.
"""

from __future__ import annotations

import importlib
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "kvaleval" / "privacy" / "data"
HUNSPELL = Path("/usr/share/hunspell/da_DK.dic")

FAKER_LOCALES = (
    "da_DK", "sv_SE", "no_NO", "de_DE", "tr_TR", "en_PK", "pl_PL", "vi_VN", "hr_HR",
    "uz_UZ", "sw", "ro_RO", "lt_LT",
)

# --- Names written for kvaleval (MIT) --------------------------------------------------

DANISH_FIRST = """
Malthe Alfred Valdemar Oliver Noah William Carl Oscar Lucas Emil Aksel Arthur Elias Liam
Otto August Theo Felix Viggo Vincent Anton Magnus Villads Frederik Mikkel Mathias Rasmus
Tobias Jonas Sebastian Nikolaj Kasper Jeppe Anders Søren Morten Thomas Martin Michael
Jesper Henrik Lars Ulrik Torben Kenneth Dennis Brian Jimmy Kevin Patrick Steffen Bjarke
Ella Freja Ida Alma Clara Agnes Karla Olivia Emma Sofia Sofie Lea Nora Asta Ellie Luna
Aya Laura Mathilde Josefine Frida Saga Lærke Isabella Esther Vilma Marie Ellen Liva
Anne Hanne Mette Birgitte Susanne Charlotte Camilla Louise Pernille Tina Trine Maja
Signe Sara Julie Cecilie Christina Katrine Rikke Stine Gitte Lone Bente Inger Kirsten
Jytte Lene Winnie Dorthe Dorte Vibeke Merete Annette Pia Ulla Kamilla Nanna Line
Fie Ea Liv Molly Silje Tilde Vigga Andrea Victoria Thea Selma Astrid Ebba Gry Helle
Svend Ejnar Villy Jette Jørn Orla Thorkild Hakon Ejvind Bendt Solvejg Birk Bjørk Bue Sif Aske Vilje
Vibe Frej Ørn Elm Lis Kamma Vita Halfdan Ejner Eskild Lauge Tue
""".split()

DANISH_LAST = """
Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen
Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen
Knudsen Jakobsen Jacobsen Mikkelsen Olesen Frederiksen Laursen Henriksen Lund Schmidt
Eriksen Holm Kristiansen Clausen Simonsen Svendsen Andreasen Iversen Østergaard Jeppesen
Vestergaard Nissen Lauridsen Kjær Jepsen Mogensen Nørgaard Jessen Søndergaard Bertelsen
Skov Bach Dam Nygaard Christoffersen Bak Kjeldsen Carlsen Kristoffersen Lassen Thygesen
Danielsen Bruun Schultz Koch Vinther Juhl Mathiasen Hedegaard Friis Lind Brandt Toft
Berg Winther Kirkegaard Enevoldsen Dahl Bech Gregersen Riis Holst Lauritsen Thorsen
Sommer Thomassen Pallesen Mouritsen Ibsen Beck Overgaard Kjærgaard Steffensen Mølgaard
Damgaard Fischer Krogh Ravn Lindberg Halvorsen Bendtsen Buch Kirk Storm Rask Thuesen
Jespersen Nikolajsen Villadsen Baggesen Abildgaard Albertsen Bisgaard Brodersen Dalgaard
Degn Ebbesen Fogh Gravesen Hald Hjorth Højgaard Kaas Klitgaard Kofoed Krag Krogsgaard
Lykke Martinsen Mikkelsen Munk Nørregaard Pagh Quist Rosenberg Schou Stampe Svensson
Terkelsen Tranberg Vad Wind Zacho Aagaard Bonde Fisker Smed Bager Skytte Vang Rosendahl
Bjerre Borup Dyrberg Engel Feldt Graversen Gundersen Hviid Iversen Kragh Lorentzen
Meldgaard Nyborg Post Ravnsborg Sejer Thrane Ulrich Westergaard Wulff
""".split()

ARABIC_FIRST = """
Mohammad Mohammed Muhammad Mohamed Mohamad Mohammed Mohamud Mahmoud Mahmud Ahmad Ahmed
Ali Hassan Hasan Hussein Husein Hussain Omar Umar Khaled Khalid Mustafa Mostafa Youssef
Yousef Yusuf Yousif Ibrahim Abdullah Abdallah Abdul Abdel Abdelkader Abdulrahman
Abdirahman Abdelaziz Abdulaziz Karim Kareem Nour Noor Nur Fatima Fatma Fatemeh Aisha
Aicha Ayesha Aya Sara Sarah Mariam Maryam Meryem Layla Leila Laila Zainab Zeinab Zaynab
Rania Hiba Heba Hana Hanan Yasmin Yasmina Jasmin Amira Samira Nadia Salma Lina Dina Reem
Rim Huda Hoda Iman Eman Jamila Khadija Khadidja Malak Rana Safa Marwa Asma Bilal Hamza
Jamal Nabil Rami Said Saeed Samir Tarek Tariq Walid Yahya Yasin Yassin Yassine Zaid Ziad
Adnan Amir Anas Ayman Bassam Emad Imad Fadi Fares Faris Hadi Haitham Hani Hisham Issa
Jihad Kamal Majid Maher Mazen Moussa Musa Nasser Nizar Osama Usama Rashid Riad Riyad
Sami Sultan Wael Yasser Younes Younis Zakaria Zakariya Idris Ismail Ismael Jibril Jamil
Jawad Kassem Qasim Latif Luay Mahdi Mehdi Malik Marwan Mounir Munir Nadim Naji Nawaf
Raed Rafiq Ramzi Saad Salah Saleh Salim Selim Sherif Suleiman Sulaiman Taha Talal Tamer
Tawfik Waleed Wassim Yazan Zuhair Abir Afaf Alaa Amal Asmaa Basma Bushra Dalia Dunya
Duaa Doaa Farida Ghada Hala Halima Hayat Houda Inas Israa Jana Joud Kawthar Lamia Lubna
Lujain Maha Manal Maysa Mona Muna Nada Naima Najat Nawal Nisreen Nesrin Noura Rahaf Randa
Rasha Rawan Reham Ruqaya Saida Samar Sana Sawsan Shaima Siham Sumaya Sumayya Tasnim
Wafaa Widad Yara Zahra Zeina Zina Zohra Hajar Ilham Karima Latifa Loubna Meriem Nabila
Rachida Samia Souad Wafa Zineb Anwar Ayoub Ayub Badr Bashir Elias Ilyas Emir Fouad Fuad
Ghassan Habib Hamid Hamoudi Hussam Ihab Jalal Kais Qais Khalil Louay Maan Mohannad
Muhannad Mujahid Nabeel Nadir Omran Rabih Rayan Rayyan Shadi Tarik Wissam Yamen Zaher
""".split()

ARABIC_LAST = """
Ahmad Ahmed Ali Hassan Hussein Mohamed Mohammad Abdallah Abdullah Abbas Aziz Darwish
Haddad Hamdan Hamad Hammoud Ibrahim Ismail Jaber Khalil Khoury Mansour Mustafa Nasser
Omar Qasem Rahman Saleh Salem Shaker Suleiman Yassin Youssef Zaher Zayed El-Ali El-Sayed
Al-Ali Al-Hassan Al-Sayed Abu-Khalil Chahine Chami Farhat Fawaz Ghanem Habib Hijazi
Issa Jaafar Kassem Kanaan Mahmoud Makki Mansur Masri Nassar Obeid Othman Osman Rashid
Saad Sabri Said Sharif Taha Yousef Zein Zoubi Awad Barakat Daher Dib Eid Fakhoury
Hakim Hamdi Jabbar Karam Khatib Laham Moussa Nader Nasr Qassem Rizk Sabbagh Sayegh
Shahin Tahir Wehbe Yassine Zidan Bakri Hariri Jalil Kurdi Abdi Mahamed
""".split()

SOMALI = """
Abdi Abdikarim Abdirashid Abdirizak Abdiqani Abdiaziz Abdiwahab Abdullahi Abshir Aden
Adan Ahmed Ali Awil Ayaan Ayan Bashir Bile Cabdi Cali Cumar Dahir Daud Deeqa Dhaqane
Egal Elmi Faadumo Farah Farhan Fartun Guled Hamdi Hassan Hawo Hibaaq Hirsi Hodan Hussein
Idil Ifrah Ilhan Ismail Jama Jimcaale Khadra Ladan Liban Mahad Mahamed Mahamoud Mohamud
Muse Mustafe Nasra Nimco Nur Osman Qamar Ramla Roble Sagal Sahra Salad Samatar Shire
Shukri Sucdi Ubah Ugaas Warsame Waris Yonis Yasin Yusuf Zamzam Zahra Zuhur Asha Amina
Halima Hani Muna Sadia Fadumo Habiba Hamda Idris Kaltun Kowsar Mulki Najma Nuur Qorane
Rahma Saida Siciid Sahal Warsan Xamza Xasan Xuseen Yaasmiin Mohamed Cabdullahi Faysal
Abdisalam Abdinasir Abdulkadir Hussen Geedi Gedi Farax Calas Duale Dualeh Egeh Gure
Ibraahim Khalif Madar Mire Mireh Nageye Omer Saciid Shakir Shirdon Sugule Tahlil Weheliye
Faduma Hibo Istar Filsan Ikran Hinda Fowsiya Deqa Anab Barwaqo Caasha Fardowsa Hamse Hanad Khadar
Mowlid Nasteho Ridwan Shamsa Sucaad Yasmiin Zakariye Abdifatah Abdiwali Cabdirahman Cawil Daahir Guuleed
Istahil Kaafi Luul Maryan Nimo Qali Sacdiyo Xaliimo Ugbaad
""".split()

KURDISH = """
Rojin Dilan Berivan Zana Rebin Shiler Hevi Hêvî Shilan Kawa Aram Baran Azad Rawand
Dilovan Dilshad Rezan Renas Hozan Karwan Sherwan Shirwan Soran Hemin Hawre Hardi Rekan
Ranj Rebwar Zirak Bawan Delal Dilnia Evin Helin Jiyan Kajal Lana Niga Narin Nazdar Newroz
Ronahi Roza Rozhin Sazan Shno Zhilwan Zhino Avin Bijan Çiya Ciya Dersim Heval Jiyar
Kendal Kurdo Mirza Rêber Reber Serhat Siyamend Welat Xebat Zagros Berfin Dilber Gulistan
Hejar Hevin Rojda Rozerin Zelal Barzani Talabani Hawrami Jaf Zebari Dosky Amedi
""".split()

PERSIAN_AFGHAN = """
Amir Amin Arash Ardalan Babak Bahram Behrouz Behnam Darius Dariush Farhad Farid Farshad
Hamed Hamid Hossein Hosein Javad Kamran Kaveh Kourosh Mehdi Mehran Mohsen Morteza Navid
Omid Payam Pejman Reza Saeed Sina Siavash Vahid Yousef Zahir Ahmad Abdul Ajmal Asadullah
Bashir Faridoon Gulbuddin Habibullah Hamidullah Jawid Javid Karim Khalil Mirwais Mujtaba
Najib Naqib Nasrullah Rahim Rahmatullah Sayed Shafiq Shakib Sohail Wahid Zabihullah
Zalmai Ziaullah Azadeh Bahar Fariba Farzaneh Fereshteh Golnar Leila Mahnaz Mahsa Maryam
Mina Mitra Nasrin Neda Niloufar Parisa Parvin Roya Sanaz Shabnam Shirin Simin Soraya
Tahmina Yasaman Zahra Zohreh Zarmina Fatemeh Hosna Marjan Nargis Nilofar Pari Sahar
Ahmadi Rahimi Karimi Hashemi Sultani Haidari Hosseini Husseini Mohammadi Nazari Rezaei
Sadeghi Jafari Moradi Akbari Azizi Ghafoori Habibi Hakimi Jalali Khalili Mirzaei
Noori Qaderi Rasuli Safi Samadi Shirzad Stanekzai Wardak Yousufzai Zadran Amini Asadi
Ebrahimi Ghorbani Kazemi Mousavi Najafi Rostami Salehi Sharifi Tehrani Zamani
""".split()

PAKISTANI = """
Imran Asif Tariq Zahid Shahid Sajid Naveed Kashif Usman Bilal Adeel Faisal Waqas Zeeshan
Shoaib Junaid Nadeem Rizwan Irfan Arshad Javed Jawad Khurram Mubashir Naeem Nasir Qaiser
Rashid Sohail Tanveer Umer Waheed Yasir Zafar Zubair Ayesha Sana Nida Saima Rabia Shazia
Nazia Uzma Farah Mehwish Hina Sidra Amna Maham Iqra Kiran Mariam Noreen Rukhsana Shabana
Samina Tahira Zainab Fozia Nabila Khan Hussain Iqbal Butt Malik Chaudhry Chaudhary
Raza Akhtar Aslam Nawaz Shah Qureshi Rana Mirza Sheikh Siddiqui Rehman Rahman Baig Bhatti
Chohan Cheema Gill Ghani Hashmi Jatt Kazmi Mughal Naqvi Rizvi Saleem Sandhu Warraich
Zaidi Anwar Riaz Latif Hameed Majeed Rasheed Mahmood Masood Saeed Waheed Farooq Haider
Abbasi Ansari Awan Bukhari Gilani Jamil Karim Lodhi Niazi Paracha Rathore Sultan
""".split()

TURKISH = """
Mehmet Mustafa Ahmet Ali Hüseyin Hasan Ibrahim İbrahim Ismail İsmail Osman Yusuf Murat
Ömer Omer Ramazan Halil Süleyman Suleyman Abdullah Mahmut Recep Fatih Emre Burak Can
Cem Deniz Emir Enes Eren Furkan Hakan Kaan Kemal Kerem Mert Onur Orhan Serkan Sinan Tolga
Umut Volkan Yasin Yunus Zeki Ayşe Ayse Fatma Emine Hatice Zeynep Elif Meryem Şerife Serife
Zehra Hanife Merve Özlem Ozlem Esra Büşra Busra Sevgi Aslı Asli Ebru Gül Gul Nur Derya
Dilek Ece Ela Gizem Hülya Hulya Leyla Melek Melike Nesrin Nilüfer Sibel Songül Tuba Yasemin
Yılmaz Yilmaz Kaya Demir Şahin Sahin Çelik Celik Yıldız Yildiz Yıldırım Yildirim Öztürk
Ozturk Aydın Aydin Özdemir Ozdemir Arslan Doğan Dogan Kılıç Kilic Aslan Çetin Cetin Kara
Koç Koc Kurt Özkan Ozkan Şimşek Simsek Polat Korkmaz Karakaya Erdem Bulut Güneş Gunes
Akın Akin Keskin Ünal Unal Tekin Çiftçi Ciftci Aksoy Uçar Ucar Kaplan Bozkurt Altun Güler
Guler Karaca Avcı Avci Turan Tunç Tunc Duman Yavuz Ateş Ates Erdoğan Erdogan
""".split()

VIETNAMESE = """
Nguyen Nguyễn Tran Trần Le Lê Pham Phạm Hoang Hoàng Huynh Huỳnh Phan Vu Vũ Vo Võ Dang
Đặng Bui Bùi Do Đỗ Ho Hồ Ngo Ngô Duong Dương Ly Lý Trinh Dinh Đinh Lam Lâm Truong Trương
Minh Thanh Tuan Tuấn Hung Hùng Huong Hương Linh Trang Thao Thảo Hoa Mai Lan Ngoc Ngọc
Phuong Phương Quang Duc Đức Long Hai Hải Hieu Hiếu Khanh Khánh Thu Hanh Hạnh Thuy Thủy
Huy Khoa Nam Dung Dũng Hien Hiền Hoai Loan Nhung Oanh Quynh Quỳnh Tam Tâm Thi Thị Van Văn
Vinh Xuan Xuân Yen Yến Bao Bảo Binh Bình Cuong Cường Dat Đạt Giang Hanh Kien Kiên Loc Lộc
Phuc Phúc Quan Quân Son Sơn Tai Tài Thang Thắng Tien Tiến Toan Toàn Trung Tu Tú Viet Việt
""".split()

TAMIL_SRI_LANKAN = """
Sivakumar Selvarajah Thavarajah Kandiah Ponnampalam Rajendran Ravichandran Sivanesan
Suresh Ramesh Ganesh Mahesh Kumar Kumaran Krishna Krishnan Murugan Nadarajah Navaratnam
Paramanathan Rajah Raja Rajan Sathees Satheesh Shanmugam Sinnathamby Subramaniam
Thevarajah Vijay Vijayakumar Vinoth Vasanthi Kala Kalaivani Lakshmi Mathivathani
Nirmala Priya Sangeetha Shanthi Sharmila Sumathi Thulasi Vanitha Yogeswari Jeyakumar
Jegan Kajan Kannan Luxan Mathushan Nishanthan Piraveen Pirashanth Sajeevan Tharshan
Thushanth Kirushanth Abinaya Janani Kajani Kowsika Mathumitha Nivetha Saranya Tharsika
Thanushan
""".split()

EAST_AFRICAN = """
Tesfaye Tesfay Yohannes Yonas Haile Mekonnen Bereket Semhar Selam Helen Mehari Mulugeta
Abraham Dawit Daniel Eyob Filmon Ghebre Ghebremedhin Habtom Kidane Kiflom Mebrahtu
Merhawi Michael Mussie Negassi Robel Samuel Senait Tekle Teklay Tewelde Tsegay Weldu
Yemane Zerai Aster Azieb Eden Elsa Feven Hiwet Luwam Mebrat Rahel Rigat Ruta Saba
Selamawit Senayt Tigist Winta Yordanos Abdirahim Amanuel Biniam Efrem Ermias Fitsum
Girmay Henok Isaias Kibrom Mesfin Natnael Sirak Tedros Tesfalem Yared Zekarias
Adut Akech Deng Garang Majok Nyandeng Achol Abuk Mabior Machar Bol Kuol Nyakim
""".split()

BALKAN = """
Amir Adnan Alen Almir Amel Armin Adis Admir Anel Edin Elvis Emir Emin Enis Ermin Haris
Harun Jasmin Kemal Mirza Nermin Nihad Samir Senad Tarik Zlatan Zoran Dino Damir Denis
Dženan Dzenan Edina Emina Lejla Amela Amra Aida Alma Azra Belma Dijana Elma Ena Ilma
Lamija Merima Mirela Nejra Sabina Selma Senada Sanela Zerina Hodžić Hodzic Hadžić Hadzic
Begić Begic Delić Delic Mehmedović Mehmedovic Hasanović Hasanovic Husić Husic Kovačević
Kovacevic Omerović Omerovic Salihović Salihovic Ibrahimović Ibrahimovic Alić Alic
Avdić Avdic Bešić Besic Čaušević Causevic Halilović Halilovic Muratović Muratovic
Smajić Smajic Suljić Suljic Mujić Mujic Zukić Zukic Arben Ardit Besnik Blerim Bujar
Driton Fatmir Fisnik Gentian Ilir Kushtrim Labinot Leutrim Liridon Mentor Valon Visar
Agon Albion Arbnor Arta Blerta Besa Dafina Donjeta Drita Edona Elira Fjolla Gentiana
Jehona Lirije Qendresa Shpresa Teuta Valbona Vlora Krasniqi Berisha Gashi Hoxha
Morina Shala Bytyqi Hasani Kelmendi Rexhepi Ahmeti Thaçi Thaci Kastrati Osmani
""".split()

UKRAINIAN = """
Olena Oksana Iryna Tetiana Tetyana Natalia Nataliia Yulia Yuliia Svitlana Olha Olga
Kateryna Anastasiia Anastasia Viktoria Viktoriia Mariia Daryna Sofiia Alina Inna Larysa
Liudmyla Halyna Valentyna Oleksandr Andrii Andriy Serhii Serhiy Dmytro Volodymyr Mykola
Ivan Yurii Yuriy Vasyl Petro Bohdan Taras Maksym Artem Oleh Roman Vitalii Ihor Denys
Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Bojko Kovalchuk
Oliynyk Shevchuk Polishchuk Lysenko Marchenko Savchenko Rudenko Petrenko Moroz Pavlenko
Kuzmenko Klymenko Levchenko Ponomarenko Kharchenko Sydorenko Tymoshenko Zinchenko
""".split()

GREENLANDIC = """
Aputsiaq Aqqaluk Inuk Minik Malik Nuka Ivalu Nivi Niviaq Pipaluk Paninnguaq Arnaq Kuluk Najaaraq
Inunnguaq Ulloriaq Nukannguaq Pilu Uiloq Qaavi Kunuk Aviaja Aleqa Angunnguaq Arnannguaq Ivik
Kaali Malu Nuunu Parnuuna Tupaarnaq Usuk Nukaaka Tukummeq Kiiki Miilu Qupanuk Naja Ane Hans-Enoch
Lyberth Kleist Heilmann Motzfeldt Lynge Berthelsen Egede Hammeken Kreutzmann Rosing Geisler
Fleischer Jeremiassen Hendriksen Mathæussen Enoksen Kielsen Kuko Siegstad Storch Sandgreen
Kuitse Kruse Lennert Chemnitz Qujaukitsoq Frederiksen Kristiansen Olsen Petersen Broberg
""".split()
"""Greenlandic first and family names (Greenlanders are a large group in Danish housing areas)."""

FAROESE = """
Rúni Heðin Sólrun Guðrun Jógvan Sjúrður Bárður Rógvi Brandur Turið Jóannes Hanus Eyðun Sámal
Rannvá Marjun Sunneva Hjalgrím Høgni Dánjal Finnbogi Pætur Símun Tróndur Ólavur Jákup Beinta
Herborg Jóhanna Durita Rakul Bára Eivør Gunnvá Ragnhild
Joensen Johannesen Djurhuus Lamhauge Niclasen Justinussen Midjord Patursson Hammershaimb Weihe
Ziska Mohr Háberg Zachariasen Ellefsen Isaksen Ejdesgaard Jacobsen Poulsen
""".split()

OTHER_EXTRA = """
Fatuma Fatu Cawo Hawa Faiza Sahro Kavitha Tharshini Thusyanthan Ngozi Chiamaka Chinedu Pieter
Sean Siobhan Gunnhild
""".split()
"""Somali, Swahili, Tamil, Nigerian, Dutch, Irish and Norwegian names a red-team found missing."""

THAI_FILIPINO = """
Somchai Somsak Sombat Somporn Siriporn Sirirat Malee Nok Ploy Pim Noi Lek Dao Kanya
Kanokwan Kannika Lamai Nittaya Pornthip Ratana Suda Sunisa Supaporn Wanida Wilai
Chaiya Kittisak Prasert Wichai Anong Boonmee Saengthong Srisuk Wongsa Maricel Marites
Rowena Jocelyn Lorna Analyn Rhea Jonalyn Princess Rodel Jomar Reynaldo Dela Santos Reyes
Bautista Villanueva Mendoza Ramos Aquino Garcia Cruz Navarro Pascual Tolentino
""".split()

EXTRA_AMBIGUOUS = """
bo per dan vang have holm skov lund kim alle mark storm kirke hans sten rask smed bager
skytte fisker bonde krog kirk post sommer engel vad wind lykke ravn dam toft lind berg
bach bak nord strand strøm bjørn falk ulv due sol dag juni maj august april ask kruse
vibe tue ørn
""".split()
"""Names a Danish reader will also read as ordinary words; always ambiguous."""

RARE_HOMOGRAPHS = """
jens søren david signe magnus carina alma nana mille helle lotte lærke frank jack line
ane maren ellen helen agnes oscar noah benjamin tove kåre palle rune trine tilde viola
rosa maya jasmin jasmine henry karl arne alf ebbe ester frede iver jarl jon tom
sara amin amir emir osman mahdi nadir samir tarik adnan kemal lejla selma aida alen
marina marin mare mile nada mate ante dario erika erica iris leo nova saga
""".split()
"""Names that Hunspell also knows as rare or foreign Danish words ("søren": the sow); a
sentence that starts with them almost always starts with the name."""

PARTICLES = frozenset(
    "al el ul ud ad ibn bin bint abu van von der den de la le du da di dos das".split()
)


def _fold(name: str) -> str:
    """ASCII-fold letters that Danish transcribers drop (ş→s, ı→i, ễ→e), keeping æøå."""
    special = {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ß": "ss"}
    out = []
    for char in name:
        if char in "æøåÆØÅ":
            out.append(char)
            continue
        char = special.get(char, char)
        decomposed = unicodedata.normalize("NFKD", char)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


def _faker_names() -> tuple[set[str], set[str]]:
    """First and last names from Faker's person providers of FAKER_LOCALES."""
    first: set[str] = set()
    last: set[str] = set()
    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in dir(provider):
            if "first_name" not in attribute and "last_name" not in attribute:
                continue
            values = getattr(provider, attribute)
            if not isinstance(values, (tuple, list, dict)):
                continue
            target = first if "first" in attribute else last
            target.update(str(value) for value in values)
    return first, last


def _clean(names: Iterable[str]) -> set[str]:
    """Split multi-word entries, drop particles and non-names, add folded spellings."""
    out: set[str] = set()
    for entry in names:
        for part in entry.replace("\u200c", "").split():
            if part.lower() in PARTICLES or len(part) < 2:
                continue
            if not part[0].isupper() or not all(c.isalpha() or c in "-'’" for c in part):
                continue
            out.add(part)
            out.add(_fold(part))
    return out


def _keep_words() -> set[str]:
    """Lower-cased single-word entries of the keep lists."""
    words: set[str] = set()
    for path in sorted(DATA.glob("keep_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#") and " " not in line:
                words.add(line.casefold())
    return words


def _danish_words() -> set[str]:
    """Lower-case stems of the Danish Hunspell dictionary plus spaCy's stop words."""
    if not HUNSPELL.exists():
        sys.exit(f"{HUNSPELL} not found: run 'apt-get install hunspell-da' first.")
    words = set()
    for line in HUNSPELL.read_text(encoding="utf-8").splitlines()[1:]:
        stem = line.split("/", 1)[0].strip()
        if stem and stem[0].islower():
            words.add(stem)
    return words


def _write(path: Path, header: str, lines: Iterable[str]) -> None:
    body = "\n".join(sorted(set(lines), key=lambda s: (s.casefold(), s)))
    path.write_text(header.strip() + "\n" + body + "\n", encoding="utf-8")


def main() -> None:
    """Write first_names.txt, last_names.txt and ambiguous_names.txt."""
    from spacy.lang.da.stop_words import STOP_WORDS

    faker_first, faker_last = _faker_names()
    persian = PERSIAN_AFGHAN.index("Ahmadi")
    pakistani = PAKISTANI.index("Khan")
    turkish = TURKISH.index("Yılmaz")
    # Somali, Kurdish, Vietnamese, Balkan, Ukrainian and other lists mix first names and
    # family names (many Somali family names are a father's first name): both lists.
    mixed = (SOMALI + KURDISH + VIETNAMESE + TAMIL_SRI_LANKAN + EAST_AFRICAN + BALKAN
             + UKRAINIAN + THAI_FILIPINO + GREENLANDIC + FAROESE + OTHER_EXTRA)
    hand_first = (DANISH_FIRST + ARABIC_FIRST + PERSIAN_AFGHAN[:persian]
                  + PAKISTANI[:pakistani] + TURKISH[:turkish] + mixed)
    hand_last = (DANISH_LAST + ARABIC_LAST + PERSIAN_AFGHAN[persian:]
                 + PAKISTANI[pakistani:] + TURKISH[turkish:] + mixed)
    first = _clean([*faker_first, *hand_first])
    last = _clean([*faker_last, *hand_last])

    keep = _keep_words()
    months = {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
              "september", "oktober", "november", "december"}
    stop = set(STOP_WORDS) - {"hans"}

    def wanted(name: str) -> bool:
        low = name.casefold()
        return low not in stop and (low not in keep or low in months)

    first = {n for n in first if wanted(n)}
    last = {n for n in last if wanted(n)}

    danish = _danish_words()
    rare = set(RARE_HOMOGRAPHS)
    ambiguous = {n.casefold() for n in first | last if n.casefold() in danish} - rare
    ambiguous |= {f"{n.casefold()}s" for n in first | last
                  if f"{n.casefold()}s" in danish and f"{n.casefold()}s" not in rare}
    ambiguous |= set(EXTRA_AMBIGUOUS)

    source = ("# Source: Faker person providers (MIT, Copyright (c) 2012 Daniele Faraglia), "
              f"locales {', '.join(FAKER_LOCALES)},\n# plus lists written for kvaleval (MIT). "
              "Generated by scripts/build_name_lists.py; do not edit by hand.\n")
    _write(DATA / "first_names.txt", "# kvaleval privacy: first names.\n" + source, first)
    _write(DATA / "last_names.txt", "# kvaleval privacy: last names.\n" + source, last)
    _write(
        DATA / "ambiguous_names.txt",
        "# kvaleval privacy: names (lower-cased) that are also ordinary Danish words;\n"
        "# replaced only when capitalised and not sentence-initial, or next to a name.\n"
        "# Verdicts from the Danish Hunspell dictionary (Stavekontrolden; only used to\n"
        "# decide, no text copied) and lists written for kvaleval (MIT).\n"
        "# Generated by scripts/build_name_lists.py; do not edit by hand.\n",
        ambiguous,
    )
    print(f"first names: {len(first)}, last names: {len(last)}, ambiguous: {len(ambiguous)}")


if __name__ == "__main__":
    main()
