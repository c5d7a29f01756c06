# ruff: noqa: E501 (one template or record per line, however long)
"""Word lists and templates for the benchmark corpus: data, and helpers to read it.

Ranked lists put the most frequent item first: the generator draws from them with a Zipf-like
skew, so Russia and the United States are everywhere and Tuvalu is rare.

Templates are `str.format` strings. Per-article slots, fixed for the whole article: `A`, `B`,
`C` (countries as written in prose: "the United States"), `A_head` (in a headline: "U.S."),
`A_adj`, `A_cap` (capital), `A_leader` ("President Vladimir Putin"), `A_short` ("Putin"),
`A_lhead` (the short form in a headline), likewise `B_…` and `C_…`; `org`, `org_head`,
`theme_head` and `weekday`. Every other slot is drawn afresh each time it is used: the keys of
`PHRASES`, and the slots the generator draws itself (country, town, person, rare words…).
"""

from __future__ import annotations

import itertools
import random


def _lines(block: str) -> tuple[str, ...]:
    """Return the non-empty lines of a text block, stripped."""
    return tuple(line.strip() for line in block.strip().splitlines() if line.strip())


def _words(block: str) -> tuple[str, ...]:
    """Return the words of a text block."""
    return tuple(block.split())


def _shuffled(items: list[str]) -> tuple[str, ...]:
    """Return the items in a fixed pseudo-random order."""
    random.Random(2019).shuffle(items)
    return tuple(items)


def _records(block: str) -> tuple[tuple[str, ...], ...]:
    """Return the lines of a text block split into fields at " | "."""
    return tuple(tuple(line.split(" | ")) for line in _lines(block))


# name in prose | name in a headline | adjective | capital — most mentioned first.
COUNTRIES = _records("""
    Russia | Russia | Russian | Moscow
    the United States | U.S. | U.S. | Washington
    Ukraine | Ukraine | Ukrainian | Kyiv
    China | China | Chinese | Beijing
    Belarus | Belarus | Belarusian | Minsk
    Germany | Germany | German | Berlin
    Britain | Britain | British | London
    France | France | French | Paris
    Turkey | Turkey | Turkish | Ankara
    Syria | Syria | Syrian | Damascus
    Iran | Iran | Iranian | Tehran
    Kazakhstan | Kazakhstan | Kazakh | Astana
    Georgia | Georgia | Georgian | Tbilisi
    Israel | Israel | Israeli | Jerusalem
    Japan | Japan | Japanese | Tokyo
    India | India | Indian | New Delhi
    Armenia | Armenia | Armenian | Yerevan
    Azerbaijan | Azerbaijan | Azerbaijani | Baku
    Poland | Poland | Polish | Warsaw
    Venezuela | Venezuela | Venezuelan | Caracas
    North Korea | North Korea | North Korean | Pyongyang
    Moldova | Moldova | Moldovan | Chisinau
    Finland | Finland | Finnish | Helsinki
    Estonia | Estonia | Estonian | Tallinn
    Latvia | Latvia | Latvian | Riga
    Lithuania | Lithuania | Lithuanian | Vilnius
    Uzbekistan | Uzbekistan | Uzbek | Tashkent
    Kyrgyzstan | Kyrgyzstan | Kyrgyz | Bishkek
    Tajikistan | Tajikistan | Tajik | Dushanbe
    Turkmenistan | Turkmenistan | Turkmen | Ashgabat
    Italy | Italy | Italian | Rome
    Serbia | Serbia | Serbian | Belgrade
    Hungary | Hungary | Hungarian | Budapest
    Saudi Arabia | Saudi Arabia | Saudi | Riyadh
    Egypt | Egypt | Egyptian | Cairo
    Libya | Libya | Libyan | Tripoli
    Iraq | Iraq | Iraqi | Baghdad
    Afghanistan | Afghanistan | Afghan | Kabul
    Pakistan | Pakistan | Pakistani | Islamabad
    South Korea | South Korea | South Korean | Seoul
    Cuba | Cuba | Cuban | Havana
    Brazil | Brazil | Brazilian | Brasilia
    Norway | Norway | Norwegian | Oslo
    Sweden | Sweden | Swedish | Stockholm
    the Netherlands | Netherlands | Dutch | The Hague
    Bulgaria | Bulgaria | Bulgarian | Sofia
    the Czech Republic | Czech Republic | Czech | Prague
    Austria | Austria | Austrian | Vienna
    Greece | Greece | Greek | Athens
    Mali | Mali | Malian | Bamako
    the Central African Republic | Central African Republic | Central African | Bangui
    Sudan | Sudan | Sudanese | Khartoum
    Ethiopia | Ethiopia | Ethiopian | Addis Ababa
    South Africa | South Africa | South African | Pretoria
    Nicaragua | Nicaragua | Nicaraguan | Managua
    Mexico | Mexico | Mexican | Mexico City
    Argentina | Argentina | Argentine | Buenos Aires
    Vietnam | Vietnam | Vietnamese | Hanoi
    Indonesia | Indonesia | Indonesian | Jakarta
    Mongolia | Mongolia | Mongolian | Ulaanbaatar
    Switzerland | Switzerland | Swiss | Bern
    Spain | Spain | Spanish | Madrid
    Canada | Canada | Canadian | Ottawa
    Australia | Australia | Australian | Canberra
    Qatar | Qatar | Qatari | Doha
    the United Arab Emirates | UAE | Emirati | Abu Dhabi
    Lebanon | Lebanon | Lebanese | Beirut
    Jordan | Jordan | Jordanian | Amman
    Algeria | Algeria | Algerian | Algiers
    Montenegro | Montenegro | Montenegrin | Podgorica
    North Macedonia | North Macedonia | North Macedonian | Skopje
    Bosnia | Bosnia | Bosnian | Sarajevo
    Slovakia | Slovakia | Slovak | Bratislava
    Romania | Romania | Romanian | Bucharest
    Cyprus | Cyprus | Cypriot | Nicosia
    Burkina Faso | Burkina Faso | Burkinabe | Ouagadougou
    Niger | Niger | Nigerien | Niamey
    Myanmar | Myanmar | Myanmar | Naypyidaw
    Laos | Laos | Laotian | Vientiane
    Bolivia | Bolivia | Bolivian | La Paz
    Iceland | Iceland | Icelandic | Reykjavik
    Denmark | Denmark | Danish | Copenhagen
    Chile | Chile | Chilean | Santiago
    Peru | Peru | Peruvian | Lima
    Eritrea | Eritrea | Eritrean | Asmara
    Mozambique | Mozambique | Mozambican | Maputo
    Sri Lanka | Sri Lanka | Sri Lankan | Colombo
    Nepal | Nepal | Nepalese | Kathmandu
    Bhutan | Bhutan | Bhutanese | Thimphu
    Luxembourg | Luxembourg | Luxembourgish | Luxembourg
    Malta | Malta | Maltese | Valletta
    Liechtenstein | Liechtenstein | Liechtenstein | Vaduz
    Andorra | Andorra | Andorran | Andorra la Vella
    San Marino | San Marino | Sammarinese | San Marino
    Vanuatu | Vanuatu | Vanuatuan | Port Vila
    Nauru | Nauru | Nauruan | Yaren
    Tuvalu | Tuvalu | Tuvaluan | Funafuti
    Palau | Palau | Palauan | Ngerulmud
    the Comoros | Comoros | Comorian | Moroni
    Suriname | Suriname | Surinamese | Paramaribo
""")

# country headline name | first year-last year | full name with title | short name
LEADERS = _records("""
    Russia | 2010-2011 | President Dmitry Medvedev | Medvedev
    Russia | 2012-2025 | President Vladimir Putin | Putin
    U.S. | 2010-2016 | President Barack Obama | Obama
    U.S. | 2017-2020 | President Donald Trump | Trump
    U.S. | 2021-2024 | President Joe Biden | Biden
    U.S. | 2025-2025 | President Donald Trump | Trump
    Ukraine | 2010-2013 | President Viktor Yanukovych | Yanukovych
    Ukraine | 2014-2018 | President Petro Poroshenko | Poroshenko
    Ukraine | 2019-2025 | President Volodymyr Zelensky | Zelensky
    China | 2010-2012 | President Hu Jintao | Hu
    China | 2013-2025 | President Xi Jinping | Xi
    Belarus | 2010-2025 | President Alexander Lukashenko | Lukashenko
    Germany | 2010-2021 | Chancellor Angela Merkel | Merkel
    Germany | 2022-2024 | Chancellor Olaf Scholz | Scholz
    Germany | 2025-2025 | Chancellor Friedrich Merz | Merz
    Britain | 2010-2015 | Prime Minister David Cameron | Cameron
    Britain | 2016-2018 | Prime Minister Theresa May | May
    Britain | 2019-2021 | Prime Minister Boris Johnson | Johnson
    Britain | 2022-2023 | Prime Minister Rishi Sunak | Sunak
    Britain | 2024-2025 | Prime Minister Keir Starmer | Starmer
    France | 2010-2011 | President Nicolas Sarkozy | Sarkozy
    France | 2012-2016 | President Francois Hollande | Hollande
    France | 2017-2025 | President Emmanuel Macron | Macron
    Turkey | 2010-2013 | Prime Minister Recep Tayyip Erdogan | Erdogan
    Turkey | 2014-2025 | President Recep Tayyip Erdogan | Erdogan
    Syria | 2010-2024 | President Bashar al-Assad | Assad
    Syria | 2025-2025 | President Ahmed al-Sharaa | Sharaa
    Iran | 2010-2012 | President Mahmoud Ahmadinejad | Ahmadinejad
    Iran | 2013-2020 | President Hassan Rouhani | Rouhani
    Iran | 2021-2023 | President Ebrahim Raisi | Raisi
    Iran | 2024-2025 | President Masoud Pezeshkian | Pezeshkian
    Kazakhstan | 2010-2018 | President Nursultan Nazarbayev | Nazarbayev
    Kazakhstan | 2019-2025 | President Kassym-Jomart Tokayev | Tokayev
    Georgia | 2010-2012 | President Mikheil Saakashvili | Saakashvili
    Georgia | 2013-2015 | Prime Minister Irakli Garibashvili | Garibashvili
    Georgia | 2016-2017 | Prime Minister Giorgi Kvirikashvili | Kvirikashvili
    Georgia | 2018-2020 | Prime Minister Giorgi Gakharia | Gakharia
    Georgia | 2021-2023 | Prime Minister Irakli Garibashvili | Garibashvili
    Georgia | 2024-2025 | Prime Minister Irakli Kobakhidze | Kobakhidze
    Israel | 2010-2020 | Prime Minister Benjamin Netanyahu | Netanyahu
    Israel | 2021-2021 | Prime Minister Naftali Bennett | Bennett
    Israel | 2022-2025 | Prime Minister Benjamin Netanyahu | Netanyahu
    Japan | 2010-2010 | Prime Minister Naoto Kan | Kan
    Japan | 2011-2011 | Prime Minister Yoshihiko Noda | Noda
    Japan | 2012-2019 | Prime Minister Shinzo Abe | Abe
    Japan | 2020-2020 | Prime Minister Yoshihide Suga | Suga
    Japan | 2021-2023 | Prime Minister Fumio Kishida | Kishida
    Japan | 2024-2025 | Prime Minister Shigeru Ishiba | Ishiba
    India | 2010-2013 | Prime Minister Manmohan Singh | Singh
    India | 2014-2025 | Prime Minister Narendra Modi | Modi
    Armenia | 2010-2017 | President Serzh Sargsyan | Sargsyan
    Armenia | 2018-2025 | Prime Minister Nikol Pashinyan | Pashinyan
    Azerbaijan | 2010-2025 | President Ilham Aliyev | Aliyev
    Poland | 2010-2014 | Prime Minister Donald Tusk | Tusk
    Poland | 2015-2016 | Prime Minister Beata Szydlo | Szydlo
    Poland | 2017-2022 | Prime Minister Mateusz Morawiecki | Morawiecki
    Poland | 2023-2025 | Prime Minister Donald Tusk | Tusk
    Venezuela | 2010-2012 | President Hugo Chavez | Chavez
    Venezuela | 2013-2025 | President Nicolas Maduro | Maduro
    North Korea | 2010-2011 | leader Kim Jong Il | Kim
    North Korea | 2012-2025 | leader Kim Jong Un | Kim
    Moldova | 2017-2020 | President Igor Dodon | Dodon
    Moldova | 2021-2025 | President Maia Sandu | Sandu
    Finland | 2012-2023 | President Sauli Niinisto | Niinisto
    Finland | 2024-2025 | President Alexander Stubb | Stubb
    Uzbekistan | 2010-2016 | President Islam Karimov | Karimov
    Uzbekistan | 2017-2025 | President Shavkat Mirziyoyev | Mirziyoyev
    Tajikistan | 2010-2025 | President Emomali Rahmon | Rahmon
    Turkmenistan | 2010-2021 | President Gurbanguly Berdymukhamedov | Berdymukhamedov
    Turkmenistan | 2022-2025 | President Serdar Berdymukhamedov | Berdymukhamedov
    Kyrgyzstan | 2021-2025 | President Sadyr Japarov | Japarov
    Serbia | 2017-2025 | President Aleksandar Vucic | Vucic
    Hungary | 2010-2025 | Prime Minister Viktor Orban | Orban
    Italy | 2022-2025 | Prime Minister Giorgia Meloni | Meloni
    Saudi Arabia | 2017-2025 | Crown Prince Mohammed bin Salman | Prince Mohammed
    Egypt | 2014-2025 | President Abdel Fattah el-Sisi | Sisi
    Cuba | 2010-2017 | President Raul Castro | Castro
    Cuba | 2018-2025 | President Miguel Diaz-Canel | Diaz-Canel
    Brazil | 2010-2010 | President Luiz Inacio Lula da Silva | Lula
    Brazil | 2011-2015 | President Dilma Rousseff | Rousseff
    Brazil | 2016-2018 | President Michel Temer | Temer
    Brazil | 2019-2022 | President Jair Bolsonaro | Bolsonaro
    Brazil | 2023-2025 | President Luiz Inacio Lula da Silva | Lula
    South Korea | 2010-2012 | President Lee Myung-bak | Lee
    South Korea | 2013-2016 | President Park Geun-hye | Park
    South Korea | 2017-2021 | President Moon Jae-in | Moon
    South Korea | 2022-2024 | President Yoon Suk Yeol | Yoon
    South Korea | 2025-2025 | President Lee Jae-myung | Lee
    Nicaragua | 2010-2025 | President Daniel Ortega | Ortega
""")

# country headline name | first year-last year | official as named in prose
OFFICIALS = _records("""
    Russia | 2010-2025 | Foreign Minister Sergei Lavrov
    Russia | 2012-2025 | Kremlin spokesman Dmitry Peskov
    Russia | 2015-2025 | Foreign Ministry spokeswoman Maria Zakharova
    Russia | 2012-2023 | Defense Minister Sergei Shoigu
    Russia | 2024-2025 | Defense Minister Andrei Belousov
    Russia | 2011-2025 | Deputy Foreign Minister Sergei Ryabkov
    Russia | 2020-2025 | Security Council Deputy Chairman Dmitry Medvedev
    U.S. | 2010-2012 | Secretary of State Hillary Clinton
    U.S. | 2013-2016 | Secretary of State John Kerry
    U.S. | 2018-2020 | Secretary of State Mike Pompeo
    U.S. | 2021-2024 | Secretary of State Antony Blinken
    U.S. | 2025-2025 | Secretary of State Marco Rubio
    Ukraine | 2014-2019 | Foreign Minister Pavlo Klimkin
    Ukraine | 2020-2024 | Foreign Minister Dmytro Kuleba
    China | 2013-2025 | Foreign Minister Wang Yi
    China | 2022-2025 | Foreign Ministry spokeswoman Mao Ning
""")

# in prose | in a headline — most mentioned first.
# Who speaks for a country that has no named official in OFFICIALS; {adj} is its adjective.
SPEAKERS = _lines("""
    a spokesperson for the {adj} foreign ministry
    {adj} officials
    the {adj} ambassador
    a senior {adj} diplomat
    the {adj} defense ministry
    a government spokesman
""")

ORGANIZATIONS = _records("""
    NATO | NATO
    the European Union | EU
    the United Nations | UN
    the UN Security Council | UN Security Council
    the Organization for Security and Co-operation in Europe | OSCE
    the International Monetary Fund | IMF
    the Collective Security Treaty Organization | CSTO
    BRICS | BRICS
    the Group of Seven | G7
    the Group of 20 | G20
    the Shanghai Cooperation Organization | SCO
    the International Atomic Energy Agency | IAEA
    the World Health Organization | WHO
    OPEC | OPEC
    the Council of Europe | Council of Europe
    the Eurasian Economic Union | Eurasian Economic Union
    the International Criminal Court | ICC
    the World Trade Organization | WTO
    the World Bank | World Bank
    the Commonwealth of Independent States | CIS
    the African Union | African Union
    the Arab League | Arab League
    the Association of Southeast Asian Nations | ASEAN
    the International Committee of the Red Cross | Red Cross
    the European Court of Human Rights | European Court of Human Rights
    the Arctic Council | Arctic Council
    the Nordic Council | Nordic Council
    the International Olympic Committee | IOC
    the Organisation for the Prohibition of Chemical Weapons | OPCW
    the Black Sea Economic Cooperation Organization | BSEC
""")

COMPANIES = _lines("""
    Gazprom
    Rosneft
    Rostec
    Rosatom
    Lukoil
    Sberbank
    VTB
    Aeroflot
    Novatek
    Roscosmos
    Norilsk Nickel
    Rusal
    Yandex
    Transneft
    Gazprom Neft
    Uralkali
    Alrosa
    Sovcomflot
    PhosAgro
    Kamaz
    Severstal
    Magnitogorsk Iron and Steel Works
    Mosenergo
    Polyus
    Tatneft
""")

# headline phrases, comma-separated | prose phrases, semicolon-separated | first year it can appear
THEMES = tuple(
    (tuple(heads.split(", ")), tuple(phrases.split("; ")), int(since))
    for heads, phrases, since in _records("""
    Sanctions, New Sanctions, Sanctions Relief, Export Controls | new sanctions; sanctions relief; the latest round of sanctions; export controls on dual-use goods; restrictions on the central bank's reserves | 2010
    Gas Supplies, Gas Transit, Pipeline, Energy | gas supplies; gas transit fees; a new gas pipeline; long-term gas contracts; energy prices | 2010
    Defense Cooperation, Arms Sales, Military Ties | military and technical cooperation; arms deliveries; the sale of fighter jets; air defense systems; joint military exercises | 2010
    Peace Talks, Ceasefire, Peace Plan, Prisoner Swap | peace talks; a ceasefire agreement; the peace plan; a prisoner exchange; the withdrawal of heavy weapons | 2010
    Oil Exports, Oil Price Cap, Oil Output | oil exports; the oil price cap; oil output cuts; crude shipments by sea | 2010
    Trade, Tariffs, Trade Deal | bilateral trade; new tariffs; a free trade agreement; payments in national currencies | 2010
    Election, Election Interference, Vote | the upcoming election; alleged election interference; the results of the vote; a disputed presidential election | 2010
    Nuclear Program, Nuclear Deal, Arms Control | the nuclear program; uranium enrichment; nuclear arms control; inspections by international monitors | 2010
    Human Rights, Crackdown, Detained Journalist | the detention of journalists; a crackdown on dissent; the treatment of political prisoners; freedom of the press | 2010
    Spying, Espionage, Spy Scandal | espionage charges; the expulsion of diplomats; a suspected spy ring; intelligence gathering | 2010
    Cyber Attacks, Hacking, Cybersecurity | a series of cyberattacks; the hacking of government websites; ransomware attacks; cybersecurity cooperation | 2010
    Grain Exports, Grain Deal, Food Security | grain exports; fertilizer shipments; global food security; wheat prices | 2010
    Disinformation, Propaganda, Media Ban | disinformation campaigns; state-backed media outlets; foreign agent laws; the blocking of websites | 2010
    Migrants, Migration, Border Crossings | migrant workers; illegal border crossings; asylum requests; labor migration | 2010
    Defense Spending, Military Budget, Troop Deployment | defense spending; the military budget; troop deployments on the eastern flank; the modernization of the armed forces | 2010
    Terrorism, Counterterrorism | counterterrorism cooperation; the threat of terrorism; a suspected terrorist cell; extremist groups | 2010
    Visa-Free Travel, Tourism, Flights | visa-free travel; direct flights; tourist flows; the resumption of flights | 2010
    Space Cooperation, Space Station, Satellite Launch | the International Space Station; joint space missions; satellite launches; the lunar program | 2010
    Arctic, Northern Sea Route | shipping along the Northern Sea Route; military activity in the Arctic; Arctic oil and gas projects | 2010
    Border Dispute, Border | the disputed border; border demarcation; the closure of border crossings | 2010
    Humanitarian Aid, Refugees | humanitarian aid; refugees; the evacuation of civilians | 2010
    Nuclear Power Plant, Nuclear Energy | a nuclear power plant; nuclear fuel deliveries; the construction of reactors | 2010
    Debt, Loan, Frozen Assets | a state loan; debt restructuring; the national currency; frozen assets | 2010
    Climate, Emissions | carbon emissions; climate commitments; the energy transition | 2010
    Coronavirus, Vaccine, Pandemic | the coronavirus pandemic; vaccine supplies; the Sputnik V vaccine; travel restrictions | 2020
    Black Sea Grain Deal, Grain Corridor | the Black Sea grain deal; the grain corridor; safe passage for cargo ships | 2022
""")
)

NEWS_AGENCIES = _lines("""
    Reuters
    AFP
    The Moscow Times
    AP
    Bloomberg
    Interfax
""")

WIRES = _lines("""
    Interfax
    the state-run TASS news agency
    RIA Novosti
    Reuters
    the RBC news website
    AFP
    Bloomberg
    the Kommersant business daily
""")

NEWSPAPERS = _lines("""
    *Kommersant*
    *Vedomosti*
    *Izvestia*
    *The Financial Times*
    *The Wall Street Journal*
    *Novaya Gazeta*
    *Der Spiegel*
    *Le Monde*
    *The Guardian*
    *Nezavisimaya Gazeta*
    *Rossiiskaya Gazeta*
    *Frankfurter Allgemeine Zeitung*
""")

PHOTO_AGENCIES = _lines("""
    TASS
    Moskva News Agency
    AP
    AFP
    Reuters
    EPA
    Sputnik
    Kremlin.ru
""")

RIGHTS_GROUPS = _lines("""
    Amnesty International
    Human Rights Watch
    Memorial
    Reporters Without Borders
    the Committee to Protect Journalists
    OVD-Info
""")

RU_MALE = _words("""Alexander Sergei Dmitry Andrei Alexei Mikhail Ivan Nikolai Vladimir Yuri Pavel Igor
    Oleg Maxim Roman Denis Anton Kirill Yevgeny Vladislav Boris Grigory Konstantin Artyom Ilya
    Stanislav Vadim Gleb Timur Ruslan""")
RU_FEMALE = _words("""Anna Maria Yelena Olga Natalia Tatiana Irina Svetlana Yekaterina Daria Anastasia
    Ksenia Polina Yulia Marina Alina Vera Sofia Valentina Lyudmila""")
RU_SURNAMES = _words("""Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov
    Volkov Solovyov Vasilyev Zaitsev Pavlov Semyonov Golubev Vinogradov Bogdanov Vorobyov
    Fyodorov Mikhailov Belyaev Tarasov Belov Komarov Orlov Kiselyov Makarov Andreyev Kovalyov
    Ilyin Gusev Titov Kuzmin Kudryavtsev Baranov Kulikov Alexeyev Stepanov Yakovlev Sorokin
    Sergeyev Romanov Zakharov Borisov Korolyov Gerasimov Ponomaryov Grigoryev Lazarev Medvedev
    Yershov Nikitin Sobolev Ryabov Polyakov Tsvetkov Danilov Zhukov Frolov Zhuravlyov Nikolayev
    Krylov Maximov Sidorov Osipov Belousov Fedotov Dorofeyev Yegorov Matveyev Bobrov Dmitriev
    Kalinin Anisimov Petukhov Antonov Timofeyev Nikiforov Veselov Filippov Markov Bolshakov
    Sukhanov Mironov Shiryaev Alexandrov Konovalov Shestakov Kazakov Yefimov Denisov Gromov
    Fomin Davydov Melnikov Shcherbakov Blinov Kolesnikov Karpov Afanasyev Vlasov Maslov
    Isakov Tikhonov Aksyonov Gavrilov Rodionov Kotov Gorbunov Kudryashov Bykov Zuyev Tretyakov
    Savelyev Panov Rybakov Suvorov Abramov Voronov Mukhin Arkhipov Trofimov Martynov Yemelyanov
    Gorshkov Chernov Ovchinnikov Seleznyov Panfilov Kopylov Mikheyev Galkin Nazarov Lobanov
    Lukin Belyakov Potapov Nekrasov Khokhlov Zhdanov Naumov Shilov Vorontsov Yermakov
    Drozdov Ignatyev Savin Loginov Safonov Kapustin Kirillov Moiseyev Yeliseyev Koshelev
    Kostin Gorbachyov Orekhov Yefremov Isayev Yevdokimov Kalashnikov Kabanov Noskov Yudin
    Kulagin Lapin Prokhorov Nesterov Kharitonov Agafonov Muravyov Laptev Smityuk""")
INTL_FIRST = _words("""John Michael David James Robert Sarah Emma Laura Thomas Daniel Peter Mark Andrew
    Christopher Anna Maria Elena Pierre Jean Hans Lukas Marco Luca Carlos Diego Ahmed Omar Ali
    Mehmet Yusuf Wei Li Hiroshi Kenji Rajesh Priya Tomasz Piotr Jonas Mikael Nadia Leila
    Olena Oksana Taras Giorgi Nino Aram Elnur Aidos""")
INTL_SURNAMES = _words("""Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Clark Lewis Walker
    Hall Allen Young King Wright Scott Green Baker Adams Nelson Carter Mitchell Roberts Turner
    Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Dubois
    Martin Bernard Muller Schmidt Schneider Fischer Weber Rossi Russo Bianchi Garcia Martinez
    Lopez Gonzalez Yilmaz Kaya Demir Hassan Khan Rahman Zhang Wang Liu Tanaka Suzuki Sato
    Kowalski Nowak Wisniewski Andersson Johansson Nielsen Virtanen Shevchenko Bondarenko
    Kovalenko Tkachenko Beridze Kapanadze Petrosyan Hakobyan Mammadov Aliyev Nurlanov Usmonov
    Ortiz Harding Whitaker Pennington Ashworth Holloway Fairbanks Kingsley Langford""")

_TOWN_HEADS = _words("""Krasno Belo Novo Staro Verkhne Nizhne Cherno Sosno Gorno Lesno Tikho Zare
    Bystro Yasno Ugle Sredne Dalne Yuzhno Severo Zapadno Vostochno Zhelezno Medno Pesko Kamenno
    Zlato Serebro Dubovo Lipovo Yablono""")
_TOWN_TAILS = _words("""gorsk zersk yarsk dar vodsk polye lugsk dolsk mirsk grad borsk kamensk retsk
    lesye gorye selye ozersk pechersk bereg luki dvorsk zavodsk kurgan pristan""")


# Small towns: a long tail of rare proper names, shuffled so that the rank is not alphabetical.
TOWNS = _shuffled([a + b for a, b in itertools.product(_TOWN_HEADS, _TOWN_TAILS)])

# Rare words, most frequent first: the tail of the vocabulary that rare-word searches hit.
RARE_ADJECTIVES = _words("""reckless provocative short-sighted heavy-handed counterproductive unworkable
    one-sided ill-timed premature inflammatory cynical hollow half-hearted brazen cavalier
    disingenuous opaque incoherent overwrought intransigent bellicose byzantine quixotic
    sclerotic recalcitrant obdurate mercurial labyrinthine Kafkaesque Orwellian Machiavellian
    tendentious specious maladroit feckless hubristic jingoistic revanchist irredentist
    truculent capricious duplicitous inchoate peremptory anodyne otiose perfidious mendacious
    pusillanimous Pyrrhic Sisyphean Panglossian Procrustean Faustian vainglorious supercilious
    unctuous vituperative histrionic preposterous antediluvian atavistic chimerical desultory
    egregious fatuous grandiloquent idiosyncratic imperious impolitic improvident inveterate
    jejune lackadaisical mealy-mouthed meretricious nugatory obsequious parochial perfunctory
    pernicious platitudinous portentous profligate prolix pugnacious rebarbative risible
    saturnine solipsistic spurious stentorian sybaritic turgid unconscionable vacuous venal
    vertiginous vexatious vociferous wrongheaded querulous obstreperous lugubrious sententious
    crepuscular adamantine oleaginous tergiversating mephitic""")
RARE_NOUNS = _lines("""
    brinkmanship
    a fait accompli
    saber-rattling
    realpolitik
    a frozen conflict
    a sphere of influence
    a zero-sum game
    a quid pro quo
    a Trojan horse
    a Potemkin village
    a smokescreen
    a red herring
    gunboat diplomacy
    hostage diplomacy
    hybrid warfare
    revanchism
    irredentism
    kleptocracy
    kompromat
    appeasement
    a rapprochement
    a casus belli
    a cordon sanitaire
    a modus vivendi
    a buffer state
    a vassal state
    lawfare
    Finlandization
    checkbook diplomacy
    a salami-slicing strategy
    a Gordian knot
    a Rubicon moment
    a Munich moment
    the Thucydides trap
    maskirovka
    the siloviki
    the nomenklatura
    samizdat
    a sovereign democracy
    the power vertical
    agitprop
    a matryoshka of shell companies
    a gerontocracy
    a plutocracy
    autarky
    a satrapy
    suzerainty
    a plebiscite
    a palimpsest of grievances
    dezinformatsiya
    sobornost
    zastoi
    a condominium arrangement
    an anschluss
    a diplomatic cul-de-sac
    a Kabuki dance
""")

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = _lines("""
    January
    February
    March
    April
    May
    June
    July
    August
    September
    October
    November
    December
""")
# AP style: the months of five letters or fewer are never abbreviated.
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.")
AP_MONTHS += ("Nov.", "Dec.")
NUMBER_WORDS = _words("two three four five six seven eight nine ten twelve fifteen twenty")

# American | British. -ize verbs are added by the generator from IZE_STEMS.
SPELLINGS = _records("""
    center | centre
    centers | centres
    defense | defence
    offense | offence
    program | programme
    programs | programmes
    labor | labour
    neighbor | neighbour
    neighbors | neighbours
    neighboring | neighbouring
    honor | honour
    favor | favour
    rumors | rumours
    traveled | travelled
    canceled | cancelled
    maneuver | manoeuvre
    kilometers | kilometres
    fulfill | fulfil
    analyze | analyse
    saber | sabre
    saber-rattling | sabre-rattling
    checkbook | chequebook
""")
IZE_STEMS = _words("""organiz recogniz criticiz moderniz stabiliz destabiliz mobiliz normaliz authoriz
    legaliz privatiz nationaliz apologiz emphasiz characteriz realiz prioritiz militariz
    demilitariz minimiz jeopardiz finaliz subsidiz utiliz summariz legitimiz harmoniz
    Finlandiz""")
IZE_ENDINGS = ("e", "es", "ed", "ing", "ation", "ations")

TITLES = _lines("""
    {A_head} Says It Has Opened {facility} in {B_head}
    {A_head} Dismisses Speculation About Its '{envoys}' in {B_head}
    {num} {A_adj} Military Specialists Arrive in {B_head}
    {A_head} Backs {theme_head} Talks Between {B_adj} Government and Opposition, {A_lhead} Tells {B_lhead}
    {A_head} Expels {num} {B_adj} Diplomats Over {theme_head}
    {B_head} Summons {A_adj} Ambassador Over {incident} Near {town}
    {A_lhead} and {B_lhead} Discuss {theme_head} and {topic_head} in Phone Call
    {A_head} and {B_head} Sign {small}-Year {theme_head} Agreement in {A_cap}
    {org_head} Gives {A_head} {num} Days to Answer {theme_head} Concerns
    {A_head} Says {org_head} Drills Near {town} Are a 'Direct Threat'
    {A_lhead} Calls {B_adj} Report on {incident} in {town} 'Absurd'
    {num} Killed in Blast Near {town}, {A_adj} Officials Say
    {A_head} Bans {product} Imports From {num} {B_adj} Companies
    {A_adj} Court Jails {person} for {small} Years on {charge} Charges
    {A_head} to Boost {theme_head} Ties With {B_head}, Says Minister {surname}
    {A_head} Hits Back at {B_adj} Sanctions With {measure} on {num} Officials
    {B_head} Detains {A_adj} Citizen Suspected of Spying in {town}
    {A_adj} Defense Ministry Says It Downed {num} Drones Over {town}
    {A_head} Recognizes {B_adj} Election Results Despite {theme_head} Row
    {A_lhead} Says {A_head} Will Not Be Drawn Into {theme_head} Race With {B_head}
    {A_head} Opens {facility} in {B_cap}
    {A_head} Offers to Mediate Between {B_head} and {C_head}
    {B_head} Eyes {A_adj} {supply_head} as {theme_head} Talks Stall
    {A_head} Postpones {theme_head} Talks With {B_head} After {incident}
    {A_lhead} Arrives in {B_cap} for {visit_kind} Talks on {theme_head}
    {org_head} Chief Urges {A_head} and {B_head} to Resume Dialogue on {theme_head}
    {A_head} Accuses {B_head} of 'Provocation' Near {town}
    {big} Protesters Rally in {B_cap} Against {A_adj} {theme_head} Deal
    {A_adj} Bank Halts Transfers to {B_head} for {num} Days Amid Sanctions Fears
    {A_head} Plans {num} New Flights to {B_head} as Tourism Rebounds
    {company} Signs {theme_head} Deal With {B_adj} Partner
    {company} Shares Fall {pct}% on {B_adj} {theme_head} Move
    {A_head} Criticizes {org_head} Report on {theme_head} in {B_head}
    {B_head} Says {A_adj} Warships Entered Its Waters Near {town}
    {A_head} Hands {B_head} {small}-Point List of Demands on {theme_head}
    {A_adj} Foreign Minister to Visit {B_cap} in {month} Amid {theme_head} Tensions
    {A_head} Blames {C_head} for Collapse of {theme_head} Talks With {B_head}
    {A_head}, {B_head} Agree to Set Up {theme_head} Working Group in {C_cap}
    {A_adj} Envoy Says {num} '{envoys}' Will Stay in {B_head} 'as Long as Needed'
    {B_head} Opposition Leader {person} Seeks {A_adj} Support
    {A_head} Ready to Supply {B_head} With {supply_head}, {A_lhead} Says
    {org_head} Suspends {A_adj} Delegation Over {theme_head} and {topic_head}
    {B_head} Investigates {A_adj} Link to {incident} in {town}
    {A_head} Stages Drills Near {B_adj} Border With {big} Troops
    {A_adj} Diplomat {person} Found Dead in {B_cap}
    {A_head} Says Talks With {B_head} on {theme_head} Were 'Constructive'
    {A_head} Launches Program to Modernize {B_adj} {sector_head}
    {A_head} Warns {B_head} Against Hosting {org_head} Troops Near {town}
    {A_head} Releases {B_adj} Prisoner {person} in Swap
    {A_adj} Parliament Ratifies {theme_head} Treaty With {B_head} by {big} Votes
    {A_head} Says {B_adj} Hackers Targeted {num} Government Websites
    {town} Mayor {person} Detained in {theme_head} Probe
    {A_head} Lifts Ban on {product} From {B_head} After {small} Years
    {A_lhead} Signs Decree on {theme_head} Cooperation With {B_head} and {C_head}
    {A_head} Denies {B_adj} Report of Troop Buildup Near {town}
    {org_head} Report Says {A_head} Broke {theme_head} Rules {num} Times
    {A_head} and {B_head} Hold First {theme_head} Talks in {small} Years
""")

FACILITIES = _lines("""
    Helicopter Training Center
    Military Base
    Cultural Center
    Trade Mission
    Drone Factory
    Naval Logistics Center
    Vaccine Plant
    Grain Terminal
    Research Center
    Consulate
    Space Tracking Station
    Language Center
    Repair Center
    Defense Liaison Office
""")

LEADS = _lines("""
    {A} said on {weekday} it would {lead_action} {B}, the latest sign of {trend} between the two countries.
    {A_leader} said on {weekday} that {A} was ready to discuss {issue} with {B}, {wire} reported.
    {B} summoned the {A_adj} ambassador on {weekday} to protest over {issue}, the {B_adj} foreign ministry said in a statement.
    {A_adj} and {B_adj} officials met in {A_cap} on {weekday} for talks on {issue}, the first such meeting in {num_word} years.
    {A} has accused {B} of {accusation}, {wire} reported on {weekday}, citing {source}.
    A group of {A_adj} {specialists} has arrived in the {B_adj} capital of {B_cap}, {wire} reported on {weekday}, as {A_leader} prepares for talks with {B_leader}.
    {org} on {weekday} called on {A} and {B} to {urge}, warning that {warning}.
    {A} will {future_action} {B} {when}, {speaker} said on {weekday}.
    {num} people were killed and {num2} injured in {incident_np} near the town of {town} on {weekday}, {A_adj} officials said.
    {A_adj} authorities on {weekday} detained {person}, a {B_adj} citizen suspected of {charge_np}, {wire} reported.
    {A} has opened a {facility_lower} in {B} to {task}, {company} said on {weekday}, {A_cap}'s latest gesture of support for {B_leader}.
    {A_leader} and {B_leader} agreed on {weekday} to step up cooperation on {issue}, according to a joint statement.
""")

BODY = _lines("""
    The announcement came {when_past} after {event_past}, a step that {A_adj} officials described as long overdue.
    {B} has repeatedly accused {A} of {accusation}, a charge {A_cap} denies, saying it is not interfering in the affairs of its neighbors.
    {A_cap} has been one of the biggest backers of {B_leader} amid what it has described as {C_adj} efforts to undermine the {B_adj} government, and has provided loans and other help for the {B_adj} {sector}.
    Analysts in {A_cap} said the move was likely to {effect}, although few expected an immediate change in policy.
    {org} said it was monitoring the situation in {B} closely and urged all sides to {urge}, adding that it was ready to send observers if asked.
    Trade between {A} and {B} reached ${num} billion last year, according to official figures, with energy and {exports} accounting for most of the total.
    {speaker} told reporters in {A_cap} that {A} was not interfering in the internal affairs of {B} and posed no threat to regional stability.
    The {A_adj} foreign ministry did not respond to a request for comment on {weekday}, and the {B_adj} embassy declined to comment.
    {A_adj} officials did not say how many {specialists} had been sent, but {wire} cited {source} as saying they would {task}.
    Relations between {A_cap} and {B_cap} have {relation_change} since {year_past}, when a dispute over {issue} led to the suspension of several agreements.
    The talks in {C_cap}, mediated by {C}, were expected to focus on {issue}, but diplomats on both sides played down hopes of a quick deal.
    In {month}, {A} and {B} agreed to {agree_on}, but the deal has yet to be implemented because of disagreements over financing.
    Critics described the proposal as {rare_adj}, saying it amounted to {rare_noun} and would do little to address {issue}.
    The dispute over {issue} has dragged on for {num_word} years and is seen by some observers in {C_cap} as {rare_noun}.
    According to {paper}, the deal could be worth up to ${num} billion over the next decade, making it one of the largest of its kind in {region}.
    The {A_adj} parliament is expected to vote on the measure {when}, and lawmakers from the ruling party have said they will support it.
    Observers noted that the {rare_adj} wording of the statement left room for compromise, and that neither side had ruled out further talks.
    About {pct} percent of {B_adj} {exports} exports go to {A}, according to customs data, a share that has grown steadily since {year_past}.
    Opposition politicians in {B_cap} criticized the agreement, saying it would make the country dependent on {A} for years to come.
    Protests were reported in {town} and several other towns on {weekday}, where hundreds of people gathered outside local government buildings.
    Local authorities in {town} said {big} people had been evacuated and that emergency services were working through the night.
    The {A_adj} defense ministry said the exercises, involving {big} troops and hundreds of armored vehicles, would last until the end of {month}.
    Western diplomats said privately that {B} had little room to maneuver, given its dependence on {A_adj} {supply} and loans.
    {A} has also supplied {equipment} to {B}, and has dismissed {C_adj} criticism of its military cooperation with {B_cap} as interference.
    {C} has imposed several rounds of sanctions on {A} since {year_past}, targeting banks, energy companies and people close to the leadership.
    The {B_adj} economy has been hit hard by {issue}, with inflation running at {pct} percent and the national currency losing a third of its value.
    Neither side disclosed the financial terms of the agreement, which {wire} said had been negotiated over several months.
    The {A_adj} government has denied any involvement and has called for an independent investigation under the auspices of {org_any}.
    Officials from {org_any} are due to visit {B_cap} {when} to assess the situation and meet representatives of the government and the opposition.
    {A_short} and {B_short} last met in {C_cap} in {month} {year_past}, when they discussed {issue} and cooperation in {region}.
    The move drew a sharp response from {C_cap}, where officials called it {rare_adj} and warned of consequences for {A}.
    {speaker_b} said {B} would respond to any {provocation} in a proportionate manner, but added that it had no wish to escalate the situation.
    Human rights groups, including {rights_org}, have called the charges politically motivated and demanded the immediate release of those detained.
    {person}, who has denied wrongdoing, faces up to {small} years in prison if convicted, and lawyers say the trial could take months.
    Prosecutors said {person} had passed information about {secret} to {C_adj} intelligence in exchange for money.
    The {B_adj} embassy in {A_cap} said it was providing consular assistance and was in contact with the detainee's family.
    Shares in {company} fell {pct} percent in {A_cap} trading after the announcement, before recovering some of their losses.
    The project, first announced in {year_past}, has been delayed several times because of sanctions and disputes over cost.
    Under the agreement, {A} will supply {B} with {supply} until {year_future}, at prices that have not been made public.
    The town of {town}, home to about {big} people, lies {num} kilometers from the border and has been the scene of frequent incidents.
    Markets reacted calmly to the news, with the ruble trading at {num} to the dollar in {A_cap} on {weekday}.
    {A} and {B} established diplomatic relations in {est_year}, and the two countries have signed more than {num} agreements since then.
    The {A_adj} leadership has sought to {goal} since {year_past}, with mixed results.
    {wire} said the delegation would include representatives of {company} and {company}, as well as officials from the economy ministry.
    {country} and {country} have also expressed interest in joining the initiative, according to a statement published on the ministry's website.
    The ministry of defense in {B_cap} said it wanted to deepen military and technical cooperation with {A} if possible.
    {C_adj} officials have warned {A} and other countries backing {B_leader} against sending troops and military equipment, saying they would view such actions as a threat.
    {speaker} said {A} considered any refusal to hold dialogue to be "{rare_adj} and harmful for the country and a threat to the welfare of the population."
    The report did not say how the figures had been calculated, and {A_adj} officials declined to comment on the findings.
    Speaking on state television, {speaker} dismissed the criticism as {rare_noun} and accused {C} of hypocrisy.
    A senior {A_adj} lawmaker, {person}, said the agreement would be ratified {when} and would enter into force immediately.
    {org} has previously said it has no evidence that {A} violated the agreement, although inspectors have not been granted full access.
    The case has drawn comparisons with the detention of {person}, who was released in {year_past} after {num_word} months in custody.
    {A_adj} media reported that the talks had been prepared in secret over several months, with intermediaries from {C} carrying messages between the two sides.
    The {B_adj} central bank said the measures would {effect}, and that it was ready to intervene on the currency market if necessary.
    The plane had left {A_cap} on {weekday}, according to flight tracking data, and landed at the main airport outside {B_cap} several hours later.
    The {org_head} mission in {B_cap} said it had recorded {big} violations of the ceasefire over the past week, most of them near {town}.
    Residents of {town} said they had heard several explosions overnight, and local officials reported damage to a school and a power station.
    The agreement still needs to be approved by the {B_adj} parliament, where the ruling coalition holds a narrow majority.
    The Kremlin has said that relations with {B} will depend on whether the new government respects the interests of {A_adj}-speaking residents.
    {B} joined {org} in {year_past}, a decision that {A_cap} has repeatedly described as a mistake.
    "{quote}," {speaker} said.
    "{quote}," {speaker} told reporters in {A_cap} after talks with {B_adj} officials.
    "{quote}," {speaker_b} said in a statement, adding that {B} would {future_action} {A} {when}.
    Speaking in {C_cap} on {weekday}, {speaker} said: "{quote}."
    "{quote}," {speaker} wrote on Telegram, in a post that was widely shared by {A_adj} state media.
    "{quote}," {person}, a political analyst in {A_cap}, told {paper}.
    "{quote}," said {person}, a senior fellow at a research center in {C_cap}.
""")

QUOTES = _lines("""
    We will not allow anyone to dictate to us how to build our relations with {B}
    This is a direct threat to the security of the region
    Our position has not changed
    The door to dialogue remains open
    We regard these actions as an unfriendly step
    Nobody is interested in an escalation
    We expect our partners to honor their commitments
    These accusations are absurd and have no basis in fact
    Sanctions have never worked and will not work now
    We are ready to work with any government that respects international law
    It is too early to talk about any breakthrough
    The decision was not easy, but it was necessary
    We will respond, and our response will be proportionate
    This is a purely internal matter for {B}
    There can be no military solution to this conflict
    Cooperation with {B} is a priority for us
    We have seen no evidence to support these claims
    The situation on the ground remains extremely difficult
    We are not going to interfere in the affairs of other countries
    All options are on the table
""")

PHRASES = {
    "lead_action": _lines("""
        expand military cooperation with
        suspend flights to
        recall its ambassador from
        open a trade mission in
        increase grain supplies to
        lift restrictions on imports from
        resume talks with
        send a humanitarian convoy to
    """),
    "trend": _lines("""
        warming ties
        growing tensions
        deepening cooperation
        a thaw in relations
        mounting friction
    """),
    "accusation": _lines("""
        interfering in its internal affairs
        violating its airspace
        sheltering extremists
        stoking tensions in {region}
        spreading disinformation
        plotting a coup
        discriminating against its citizens
    """),
    "source": _lines("""
        an unnamed source
        a diplomatic source
        officials familiar with the matter
        two people briefed on the talks
        a source in the security services
    """),
    "urge": _lines("""
        exercise restraint
        return to the negotiating table
        respect international law
        de-escalate
        open humanitarian corridors
    """),
    "warning": _lines("""
        the situation could spiral out of control
        civilians were paying the highest price
        the crisis threatened stability in {region}
        time was running out for a diplomatic solution
    """),
    "future_action": _lines("""
        hold talks with
        sign a new agreement with
        send a delegation to
        expand trade with
        deliver humanitarian aid to
        step up consultations with
    """),
    "when": _lines("""
        next week
        later this month
        by the end of the year
        in the coming days
        in {month}
        before the summer
    """),
    "when_past": _lines("""
        days
        a week
        two weeks
        hours
        a month
    """),
    "event_past": _lines("""
        {C} warned {A} against sending troops to {B}
        two {A_adj} air force planes landed outside {B_cap}
        talks in {C_cap} collapsed
        {B} expelled {num_word} {A_adj} diplomats
        the {B_adj} parliament approved a new defense doctrine
        {C_adj} officials accused {A} of {accusation}
    """),
    "incident_np": _lines("""
        an explosion
        a drone attack
        a shelling attack
        a car bombing
        a fire at an ammunition depot
        a helicopter crash
    """),
    "charge_np": _lines("""
        spying
        treason
        smuggling
        plotting sabotage
        financing extremism
    """),
    "sector": _lines("""
        oil industry
        military
        banking sector
        agriculture
        energy sector
        railways
    """),
    "exports": _lines("""
        grain
        fertilizer
        metals
        timber
        machinery
        oil
        gas
    """),
    "equipment": _lines("""
        fighter jets, tanks and air defense systems
        helicopters
        armored vehicles
        drones
        small arms and ammunition
        coastal defense missiles
    """),
    "specialists": _lines("""
        military specialists
        instructors
        engineers
        advisers
        doctors
        nuclear engineers
    """),
    "task": _lines("""
        carry out maintenance on military hardware
        train local personnel
        help rebuild infrastructure
        assess damage to the power grid
        train pilots to fly Russian-made helicopters
    """),
    "effect": _lines("""
        strain relations further
        deepen divisions within {org}
        push up energy prices
        complicate peace efforts
        boost {A_adj} influence in {region}
        stabilize the national currency
    """),
    "relation_change": _lines("""
        deteriorated sharply
        improved markedly
        remained tense
        steadily warmed
        been frosty
    """),
    "agree_on": _lines("""
        resume direct flights
        extend the transit agreement
        set up a joint working group
        simplify visa rules
        increase grain supplies
        exchange prisoners
    """),
    "goal": _lines("""
        reduce its dependence on Western technology
        expand its influence in {region}
        attract investment from {country}
        diversify its energy exports
        modernize its armed forces
    """),
    "provocation": _lines("""
        provocation
        violation of its airspace
        attack on its citizens
        hostile act
    """),
    "secret": _lines("""
        military facilities
        defense contracts
        energy infrastructure
        troop movements
    """),
    "supply": _lines("""
        natural gas
        wheat
        fuel
        nuclear fuel
        electricity
        fertilizer
    """),
    "supply_head": _lines("""
        Gas
        Wheat
        Fuel
        Nuclear Fuel
        Electricity
        Fertilizer
        Helicopters
    """),
    "region": _lines("""
        Eastern Europe
        the Middle East
        Central Asia
        the South Caucasus
        the Baltic region
        the Arctic
        Latin America
        the Sahel
        the Asia-Pacific region
        the Black Sea region
        the Balkans
    """),
    "envoys": _lines("""
        Specialists
        Instructors
        Volunteers
        Advisers
        Peacekeepers
        Contractors
    """),
    "product": _lines("""
        Tomatoes
        Cheese
        Wine
        Dairy Products
        Poultry
        Flowers
        Fish
        Mineral Water
        Fruit
        Coal
    """),
    "charge": _lines("""
        Treason
        Espionage
        Extremism
        Fraud
        Terrorism
        Smuggling
        Sabotage
    """),
    "measure": _lines("""
        Counter-Sanctions
        Food Ban
        Entry Bans
        Tariffs
        Travel Ban
    """),
    "incident": _lines("""
        Drone Strike
        Border Incident
        Embassy Row
        Spy Scandal
        Airspace Violation
        Cyberattack
    """),
    "visit_kind": _lines("""
        Two-Day
        Three-Day
        Landmark
        Snap
        Long-Delayed
        First
    """),
    "sector_head": _lines("""
        Railways
        Power Grid
        Air Force
        Ports
        Oil Refineries
    """),
}
