"""Demo catalogue: the "New Ermitage" jazz and soul reissues, as plain Python data.

Read by ``catalog.demo.loader``. Facts about the original albums (labels, years,
track order by side, personnel, recording places and dates) are entered only where
they are certain; anything uncertain is left empty rather than guessed. Descriptions
and biographies are original short texts, each with a Ukrainian version.
"""

COLLECTIONS = {
    "new-ermitage": {
        "name": "New Ermitage",
        "description": (
            "New Ermitage is a series of jazz and soul reissues from the Italian label Ermitage, "
            "released from January 2024 onwards. It brings together 18 classic albums, each pressed "
            "on yellow vinyl with a new catalogue number and newly designed artwork."
        ),
        "description_uk": (
            "New Ermitage — серія перевидань джазу та соулу від італійського лейбла Ermitage, "
            "що виходить із січня 2024 року. До неї увійшли 18 класичних альбомів, кожен — на "
            "жовтому вінілі, з новим каталожним номером і заново створеним оформленням."
        ),
    },
}

LABELS = {  # slug -> name
    "ermitage": "Ermitage",
    "fontana": "Fontana",
    "columbia": "Columbia",
    "blue-note": "Blue Note",
    "impulse": "Impulse!",
    "riverside": "Riverside",
    "verve": "Verve",
    "prestige": "Prestige",
    "volt": "Volt",
    "atlantic": "Atlantic",
    "tamla": "Tamla",
    "curtom": "Curtom",
}

GENRES = {  # slug -> (English name, Ukrainian name, parent genre slug or None for a top-level genre)
    "jazz": ("Jazz", "Джаз", None),
    "funk-soul": ("Funk / Soul", "Фанк / соул", None),
    "cool-jazz": ("Cool Jazz", "Кул-джаз", "jazz"),
    "hard-bop": ("Hard Bop", "Хард-боп", "jazz"),
    "modal": ("Modal", "Модальний джаз", "jazz"),
    "post-bop": ("Post Bop", "Пост-боп", "jazz"),
    "soul-jazz": ("Soul-Jazz", "Соул-джаз", "jazz"),
    "bossa-nova": ("Bossa Nova", "Босанова", "jazz"),
    "soul": ("Soul", "Соул", "funk-soul"),
    "funk": ("Funk", "Фанк", "funk-soul"),
}

ROLES = {  # English name -> Ukrainian name
    "Trumpet": "Труба",
    "Alto Saxophone": "Альт-саксофон",
    "Tenor Saxophone": "Тенор-саксофон",
    "Baritone Saxophone": "Баритон-саксофон",
    "Trombone": "Тромбон",
    "Flute": "Флейта",
    "Piano": "Фортепіано",
    "Keyboards": "Клавішні",
    "Guitar": "Гітара",
    "Bass": "Контрабас",
    "Bass Guitar": "Бас-гітара",
    "Drums": "Ударні",
    "Percussion": "Перкусія",
    "Vocals": "Вокал",
}

ARTISTS = {  # slug -> fields
    # --- Title artists (with biographies) ---
    "miles-davis": {
        "name": "Miles Davis",
        "sort_name": "Davis, Miles",
        "biography": (
            "Miles Davis (1926–1991) was an American trumpeter, composer and bandleader, born in "
            "Alton, Illinois. Across more than four decades he kept changing his music, leading his "
            "groups through bebop, cool jazz, modal jazz and jazz-rock fusion. Kind of Blue, recorded "
            "for Columbia in 1959, is one of the best-selling jazz albums ever made."
        ),
        "biography_uk": (
            "Майлз Девіс (1926–1991) — американський трубач, композитор і бендлідер, народжений в "
            "Олтоні, штат Іллінойс. Понад чотири десятиліття він постійно оновлював свою музику, "
            "проводячи власні гурти крізь бібоп, кул-джаз, модальний джаз і джаз-рок. Альбом Kind of "
            "Blue, записаний для Columbia 1959 року, — один із найбільш продаваних джазових альбомів "
            "в історії."
        ),
    },
    "john-coltrane": {
        "name": "John Coltrane",
        "sort_name": "Coltrane, John",
        "biography": (
            "John Coltrane (1926–1967) was an American saxophonist and composer, born in Hamlet, "
            "North Carolina. In the 1950s he played with Miles Davis and Thelonious Monk, and in the "
            "1960s he led a quartet with McCoy Tyner, Jimmy Garrison and Elvin Jones. His searching, "
            "deeply spiritual music has shaped generations of players."
        ),
        "biography_uk": (
            "Джон Колтрейн (1926–1967) — американський саксофоніст і композитор, народжений у місті "
            "Гемлет, штат Північна Кароліна. У 1950-х він грав із Майлзом Девісом і Телоніусом "
            "Монком, а в 1960-х очолював квартет із Маккоєм Тайнером, Джиммі Гаррісоном та Елвіном "
            "Джонсом. Його пошукова, глибоко духовна музика вплинула на кілька поколінь музикантів."
        ),
    },
    "the-dave-brubeck-quartet": {
        "name": "The Dave Brubeck Quartet",
        "sort_name": "Dave Brubeck Quartet, The",
        "biography": (
            "The Dave Brubeck Quartet was led by pianist Dave Brubeck (1920–2012), with alto "
            "saxophonist Paul Desmond at his side. With bassist Eugene Wright and drummer Joe Morello, "
            "the group became known for playing in time signatures that were unusual in jazz. "
            "Desmond's “Take Five” became one of the most familiar jazz tunes of all."
        ),
        "biography_uk": (
            "Квартет Дейва Брубека очолював піаніст Дейв Брубек (1920–2012), а поруч із ним грав "
            "альт-саксофоніст Пол Дезмонд. Разом із контрабасистом Юджином Райтом і барабанщиком "
            "Джо Морелло гурт прославився грою в незвичних для джазу музичних розмірах. Композиція "
            "Дезмонда «Take Five» стала однією з найвідоміших джазових мелодій."
        ),
    },
    "cannonball-adderley": {
        "name": "Cannonball Adderley",
        "sort_name": "Adderley, Cannonball",
        "biography": (
            "Julian “Cannonball” Adderley (1928–1975) was an American alto saxophonist, born in "
            "Tampa, Florida. He played in Miles Davis's sextet on Milestones and Kind of Blue, then led "
            "popular bands with his brother, the cornetist Nat Adderley. His warm, blues-rich sound "
            "made him a leading voice of hard bop and soul jazz."
        ),
        "biography_uk": (
            "Джуліан «Кеннонбол» Еддерлі (1928–1975) — американський альт-саксофоніст, народжений у "
            "Тампі, штат Флорида. Він грав у секстеті Майлза Девіса на платівках Milestones і Kind of "
            "Blue, а згодом очолював популярні гурти разом із братом, корнетистом Нетом Еддерлі. "
            "Теплий, насичений блюзом звук зробив його одним із провідних голосів хард-бопу та "
            "соул-джазу."
        ),
    },
    "art-blakey-and-the-jazz-messengers": {
        "name": "Art Blakey & The Jazz Messengers",
        "sort_name": "Blakey, Art & The Jazz Messengers",
        "biography": (
            "Art Blakey (1919–1990), a drummer from Pittsburgh, led the Jazz Messengers from the "
            "mid-1950s until his death. The band was a school for young talent: Lee Morgan, Wayne "
            "Shorter, Freddie Hubbard and Wynton Marsalis all passed through it. Its driving, "
            "blues-based music did much to define hard bop."
        ),
        "biography_uk": (
            "Барабанщик із Піттсбурга Арт Блейкі (1919–1990) очолював гурт Jazz Messengers від "
            "середини 1950-х і до кінця життя. Колектив був справжньою школою для молодих "
            "музикантів: у ньому грали Лі Морган, Вейн Шортер, Фредді Габбард і Вінтон Марсаліс. "
            "Напориста музика гурту, що спиралася на блюз, багато в чому визначила звучання "
            "хард-бопу."
        ),
    },
    "charles-mingus": {
        "name": "Charles Mingus",
        "sort_name": "Mingus, Charles",
        "biography": (
            "Charles Mingus (1922–1979) was an American double bassist, composer and bandleader, born "
            "in Nogales, Arizona, and raised in the Watts district of Los Angeles. His compositions "
            "draw on gospel, the blues and Duke Ellington's writing, and his Jazz Workshop bands gave "
            "musicians room to shape the pieces together."
        ),
        "biography_uk": (
            "Чарльз Мінгус (1922–1979) — американський контрабасист, композитор і бендлідер. Він "
            "народився в Ногалесі, штат Аризона, а виріс у районі Воттс у Лос-Анджелесі. Його твори "
            "спираються на госпел, блюз і музику Дюка Еллінгтона, а в гуртах Jazz Workshop музиканти "
            "мали простір, щоб разом формувати кожну п’єсу."
        ),
    },
    "bill-evans-trio": {
        "name": "Bill Evans Trio",
        "sort_name": "Evans, Bill, Trio",
        "biography": (
            "Pianist Bill Evans (1929–1980) formed his celebrated first trio with bassist Scott "
            "LaFaro and drummer Paul Motian in 1959. The three treated the piano trio as a "
            "conversation between equals rather than a soloist with accompaniment. The group ended "
            "when LaFaro was killed in a car accident in July 1961."
        ),
        "biography_uk": (
            "Піаніст Білл Еванс (1929–1980) зібрав своє знамените перше тріо з контрабасистом "
            "Скоттом Лафаро та барабанщиком Полом Моушеном у 1959 році. Музиканти грали як рівні "
            "співрозмовники, а не як соліст із супроводом. Історія тріо обірвалася в липні 1961 "
            "року, коли Лафаро загинув в автокатастрофі."
        ),
    },
    "lee-morgan": {
        "name": "Lee Morgan",
        "sort_name": "Morgan, Lee",
        "biography": (
            "Lee Morgan (1938–1972) was an American trumpeter from Philadelphia who played in Dizzy "
            "Gillespie's big band while still a teenager. He became a key member of Art Blakey's Jazz "
            "Messengers and recorded often for Blue Note, where The Sidewinder gave him his biggest "
            "success. He died in 1972, aged 33."
        ),
        "biography_uk": (
            "Лі Морган (1938–1972) — американський трубач із Філадельфії, який ще підлітком грав у "
            "біг-бенді Діззі Гіллеспі. Він став однією з ключових постатей Jazz Messengers Арта "
            "Блейкі й багато записувався для Blue Note, де найбільший успіх йому приніс альбом The "
            "Sidewinder. Музикант помер 1972 року у віці 33 років."
        ),
    },
    "herbie-hancock": {
        "name": "Herbie Hancock",
        "sort_name": "Hancock, Herbie",
        "biography": (
            "Herbie Hancock (born 1940 in Chicago) is an American pianist, keyboardist and composer. "
            "In the 1960s he made a series of albums for Blue Note and was a member of Miles Davis's "
            "second great quintet. He later turned to electric jazz-funk, most famously on Head "
            "Hunters (1973)."
        ),
        "biography_uk": (
            "Гербі Генкок (народився 1940 року в Чикаго) — американський піаніст, клавішник і "
            "композитор. У 1960-х він записав низку альбомів для Blue Note і грав у другому великому "
            "квінтеті Майлза Девіса. Згодом він звернувся до електричного джаз-фанку, найяскравіше — "
            "на альбомі Head Hunters (1973)."
        ),
    },
    "oliver-nelson": {
        "name": "Oliver Nelson",
        "sort_name": "Nelson, Oliver",
        "biography": (
            "Oliver Nelson (1932–1975) was an American saxophonist, composer and arranger from St. "
            "Louis, Missouri. The Blues and the Abstract Truth, which opens with his much-played "
            "“Stolen Moments”, is his best-known album. Later he worked widely as an arranger and "
            "wrote music for film and television."
        ),
        "biography_uk": (
            "Олівер Нельсон (1932–1975) — американський саксофоніст, композитор і аранжувальник із "
            "Сент-Луїса, штат Міссурі. Найвідоміший його альбом — The Blues and the Abstract Truth, "
            "що відкривається часто виконуваною темою «Stolen Moments». Пізніше він багато працював "
            "аранжувальником і писав музику для кіно й телебачення."
        ),
    },
    "stan-getz": {
        "name": "Stan Getz",
        "sort_name": "Getz, Stan",
        "biography": (
            "Stan Getz (1927–1991) was an American tenor saxophonist, born in Philadelphia and known "
            "for his light, lyrical tone. He first drew attention in Woody Herman's band in the late "
            "1940s. His early-1960s recordings with Brazilian music, Jazz Samba and Getz/Gilberto "
            "among them, brought bossa nova to a wide audience."
        ),
        "biography_uk": (
            "Стен Гетц (1927–1991) — американський тенор-саксофоніст, народжений у Філадельфії й "
            "відомий своїм легким, ліричним звуком. Уперше на нього звернули увагу наприкінці "
            "1940-х, коли він грав в оркестрі Вуді Германа. Його записи бразильської музики на "
            "початку 1960-х, серед них Jazz Samba та Getz/Gilberto, відкрили босанову широкій "
            "публіці."
        ),
    },
    "joao-gilberto": {
        "name": "João Gilberto",
        "sort_name": "Gilberto, João",
        "biography": (
            "João Gilberto (1931–2019) was a Brazilian singer and guitarist from the state of Bahia "
            "and one of the creators of bossa nova. His hushed singing and distinctive guitar rhythm, "
            "first heard on “Chega de Saudade” in 1958, defined the style. Getz/Gilberto made him "
            "known far beyond Brazil."
        ),
        "biography_uk": (
            "Жуан Жілберту (1931–2019) — бразильський співак і гітарист зі штату Баїя, один із "
            "творців босанови. Його тихий спів і впізнаваний гітарний ритм, що вперше прозвучали в "
            "пісні «Chega de Saudade» 1958 року, визначили цей стиль. Альбом Getz/Gilberto приніс "
            "йому славу далеко за межами Бразилії."
        ),
    },
    "horace-silver": {
        "name": "Horace Silver",
        "sort_name": "Silver, Horace",
        "biography": (
            "Horace Silver (1928–2014) was an American pianist and composer from Norwalk, "
            "Connecticut. In the 1950s he played with Art Blakey in the early Jazz Messengers, then "
            "led his own quintets and recorded for Blue Note for many years. His father came from "
            "Cape Verde, a heritage he honoured in “Song for My Father”."
        ),
        "biography_uk": (
            "Горас Сілвер (1928–2014) — американський піаніст і композитор із Норволка, штат "
            "Коннектикут. У 1950-х він грав з Артом Блейкі в ранньому складі Jazz Messengers, а потім "
            "очолював власні квінтети й багато років записувався для Blue Note. Його батько походив "
            "з Кабо-Верде, і цьому корінню Сілвер присвятив композицію «Song for My Father»."
        ),
    },
    "sonny-rollins": {
        "name": "Sonny Rollins",
        "sort_name": "Rollins, Sonny",
        "biography": (
            "Sonny Rollins (born 1930 in New York City) is an American tenor saxophonist and "
            "composer. In the 1950s he recorded with Miles Davis, Thelonious Monk and the Clifford "
            "Brown–Max Roach Quintet, and wrote tunes such as “Oleo”, “Airegin” and “St. Thomas”. "
            "His long, inventive improvisations made him one of the most admired soloists in jazz."
        ),
        "biography_uk": (
            "Сонні Роллінз (народився 1930 року в Нью-Йорку) — американський тенор-саксофоніст і "
            "композитор. У 1950-х він записувався з Майлзом Девісом, Телоніусом Монком і квінтетом "
            "Кліффорда Брауна та Макса Роуча, а також написав такі теми, як «Oleo», «Airegin» і "
            "«St. Thomas». Довгі винахідливі імпровізації зробили його одним із найшанованіших "
            "солістів у джазі."
        ),
    },
    "otis-redding": {
        "name": "Otis Redding",
        "sort_name": "Redding, Otis",
        "biography": (
            "Otis Redding (1941–1967) was an American soul singer and songwriter who grew up in "
            "Macon, Georgia. He recorded in Memphis for Volt, a Stax label, backed by Booker T. & the "
            "M.G.'s, and wrote “Respect”, later a hit for Aretha Franklin. He died in a plane crash in "
            "December 1967, and “(Sittin' On) The Dock of the Bay” reached number one the next year."
        ),
        "biography_uk": (
            "Отіс Реддінг (1941–1967) — американський соул-співак і автор пісень, який виріс у "
            "Мейконі, штат Джорджія. Він записувався в Мемфісі для Volt, лейбла компанії Stax, у "
            "супроводі Booker T. & the M.G.'s і написав пісню «Respect», що згодом стала хітом Арети "
            "Франклін. Реддінг загинув в авіакатастрофі в грудні 1967 року, а наступного року його "
            "«(Sittin' On) The Dock of the Bay» посіла перше місце в чарті."
        ),
    },
    "aretha-franklin": {
        "name": "Aretha Franklin",
        "sort_name": "Franklin, Aretha",
        "biography": (
            "Aretha Franklin (1942–2018) was an American singer, songwriter and pianist who grew up in "
            "Detroit singing gospel in her father's church. After several years with Columbia she "
            "moved to Atlantic in 1967, and the hits that followed earned her the title “Queen of "
            "Soul”. In 1987 she became the first woman inducted into the Rock and Roll Hall of Fame."
        ),
        "biography_uk": (
            "Арета Франклін (1942–2018) — американська співачка, авторка пісень і піаністка, яка "
            "виросла в Детройті й співала госпел у церкві свого батька. Після кількох років на "
            "Columbia вона 1967 року перейшла на Atlantic, і низка хітів принесла їй титул «королеви "
            "соулу». У 1987 році вона стала першою жінкою, введеною до Зали слави рок-н-ролу."
        ),
    },
    "marvin-gaye": {
        "name": "Marvin Gaye",
        "sort_name": "Gaye, Marvin",
        "biography": (
            "Marvin Gaye (1939–1984) was an American singer, songwriter and producer from Washington, "
            "D.C., and one of Motown's biggest stars. After hits such as “I Heard It Through the "
            "Grapevine” and duets with Tammi Terrell, he produced What's Going On himself, turning to "
            "songs about war, poverty and the environment."
        ),
        "biography_uk": (
            "Марвін Гей (1939–1984) — американський співак, автор пісень і продюсер із Вашингтона, "
            "одна з найбільших зірок Motown. Після таких хітів, як «I Heard It Through the "
            "Grapevine», і дуетів із Теммі Террелл він сам спродюсував альбом What's Going On, "
            "присвятивши пісні війні, бідності та довкіллю."
        ),
    },
    "curtis-mayfield": {
        "name": "Curtis Mayfield",
        "sort_name": "Mayfield, Curtis",
        "biography": (
            "Curtis Mayfield (1942–1999) was an American singer, songwriter, guitarist and producer "
            "from Chicago. He led the Impressions, writing songs such as “People Get Ready”, and "
            "founded his own label, Curtom, before going solo in 1970. His music pairs a gentle "
            "falsetto with clear-eyed songs about city life."
        ),
        "biography_uk": (
            "Кертіс Мейфілд (1942–1999) — американський співак, автор пісень, гітарист і продюсер "
            "із Чикаго. Він очолював гурт The Impressions, для якого написав, зокрема, «People Get "
            "Ready», заснував власний лейбл Curtom, а 1970 року почав сольну кар’єру. У його музиці "
            "м’який фальцет поєднується з тверезими піснями про життя великого міста."
        ),
    },
    # --- Players credited on the releases ---
    "barney-wilen": {"name": "Barney Wilen", "sort_name": "Wilen, Barney"},
    "rene-urtreger": {"name": "René Urtreger", "sort_name": "Urtreger, René"},
    "pierre-michelot": {"name": "Pierre Michelot", "sort_name": "Michelot, Pierre"},
    "kenny-clarke": {"name": "Kenny Clarke", "sort_name": "Clarke, Kenny"},
    "bill-evans": {"name": "Bill Evans", "sort_name": "Evans, Bill"},
    "wynton-kelly": {"name": "Wynton Kelly", "sort_name": "Kelly, Wynton"},
    "paul-chambers": {"name": "Paul Chambers", "sort_name": "Chambers, Paul"},
    "jimmy-cobb": {"name": "Jimmy Cobb", "sort_name": "Cobb, Jimmy"},
    "red-garland": {"name": "Red Garland", "sort_name": "Garland, Red"},
    "philly-joe-jones": {"name": "Philly Joe Jones", "sort_name": "Jones, Philly Joe"},
    "curtis-fuller": {"name": "Curtis Fuller", "sort_name": "Fuller, Curtis"},
    "kenny-drew": {"name": "Kenny Drew", "sort_name": "Drew, Kenny"},
    "mccoy-tyner": {"name": "McCoy Tyner", "sort_name": "Tyner, McCoy"},
    "jimmy-garrison": {"name": "Jimmy Garrison", "sort_name": "Garrison, Jimmy"},
    "elvin-jones": {"name": "Elvin Jones", "sort_name": "Jones, Elvin"},
    "dave-brubeck": {"name": "Dave Brubeck", "sort_name": "Brubeck, Dave"},
    "paul-desmond": {"name": "Paul Desmond", "sort_name": "Desmond, Paul"},
    "eugene-wright": {"name": "Eugene Wright", "sort_name": "Wright, Eugene"},
    "joe-morello": {"name": "Joe Morello", "sort_name": "Morello, Joe"},
    "hank-jones": {"name": "Hank Jones", "sort_name": "Jones, Hank"},
    "sam-jones": {"name": "Sam Jones", "sort_name": "Jones, Sam"},
    "art-blakey": {"name": "Art Blakey", "sort_name": "Blakey, Art"},
    "benny-golson": {"name": "Benny Golson", "sort_name": "Golson, Benny"},
    "bobby-timmons": {"name": "Bobby Timmons", "sort_name": "Timmons, Bobby"},
    "jymie-merritt": {"name": "Jymie Merritt", "sort_name": "Merritt, Jymie"},
    "john-handy": {"name": "John Handy", "sort_name": "Handy, John"},
    "booker-ervin": {"name": "Booker Ervin", "sort_name": "Ervin, Booker"},
    "shafi-hadi": {"name": "Shafi Hadi", "sort_name": "Hadi, Shafi"},
    "jimmy-knepper": {"name": "Jimmy Knepper", "sort_name": "Knepper, Jimmy"},
    "willie-dennis": {"name": "Willie Dennis", "sort_name": "Dennis, Willie"},
    "horace-parlan": {"name": "Horace Parlan", "sort_name": "Parlan, Horace"},
    "dannie-richmond": {"name": "Dannie Richmond", "sort_name": "Richmond, Dannie"},
    "scott-lafaro": {"name": "Scott LaFaro", "sort_name": "LaFaro, Scott"},
    "paul-motian": {"name": "Paul Motian", "sort_name": "Motian, Paul"},
    "joe-henderson": {"name": "Joe Henderson", "sort_name": "Henderson, Joe"},
    "barry-harris": {"name": "Barry Harris", "sort_name": "Harris, Barry"},
    "bob-cranshaw": {"name": "Bob Cranshaw", "sort_name": "Cranshaw, Bob"},
    "billy-higgins": {"name": "Billy Higgins", "sort_name": "Higgins, Billy"},
    "freddie-hubbard": {"name": "Freddie Hubbard", "sort_name": "Hubbard, Freddie"},
    "george-coleman": {"name": "George Coleman", "sort_name": "Coleman, George"},
    "ron-carter": {"name": "Ron Carter", "sort_name": "Carter, Ron"},
    "tony-williams": {"name": "Tony Williams", "sort_name": "Williams, Tony"},
    "eric-dolphy": {"name": "Eric Dolphy", "sort_name": "Dolphy, Eric"},
    "george-barrow": {"name": "George Barrow", "sort_name": "Barrow, George"},
    "roy-haynes": {"name": "Roy Haynes", "sort_name": "Haynes, Roy"},
    "antonio-carlos-jobim": {"name": "Antônio Carlos Jobim", "sort_name": "Jobim, Antônio Carlos"},
    "tommy-williams": {"name": "Tommy Williams", "sort_name": "Williams, Tommy"},
    "milton-banana": {"name": "Milton Banana", "sort_name": "Banana, Milton"},
    "astrud-gilberto": {"name": "Astrud Gilberto", "sort_name": "Gilberto, Astrud"},
    "carmell-jones": {"name": "Carmell Jones", "sort_name": "Jones, Carmell"},
    "teddy-smith": {"name": "Teddy Smith", "sort_name": "Smith, Teddy"},
    "roger-humphries": {"name": "Roger Humphries", "sort_name": "Humphries, Roger"},
    "blue-mitchell": {"name": "Blue Mitchell", "sort_name": "Mitchell, Blue"},
    "junior-cook": {"name": "Junior Cook", "sort_name": "Cook, Junior"},
    "gene-taylor": {"name": "Gene Taylor", "sort_name": "Taylor, Gene"},
    "roy-brooks": {"name": "Roy Brooks", "sort_name": "Brooks, Roy"},
    "tommy-flanagan": {"name": "Tommy Flanagan", "sort_name": "Flanagan, Tommy"},
    "doug-watkins": {"name": "Doug Watkins", "sort_name": "Watkins, Doug"},
    "max-roach": {"name": "Max Roach", "sort_name": "Roach, Max"},
    "booker-t-jones": {"name": "Booker T. Jones", "sort_name": "Jones, Booker T."},
    "steve-cropper": {"name": "Steve Cropper", "sort_name": "Cropper, Steve"},
    "donald-duck-dunn": {"name": "Donald “Duck” Dunn", "sort_name": "Dunn, Donald “Duck”"},
    "al-jackson-jr": {"name": "Al Jackson Jr.", "sort_name": "Jackson, Al, Jr."},
    "isaac-hayes": {"name": "Isaac Hayes", "sort_name": "Hayes, Isaac"},
    "king-curtis": {"name": "King Curtis", "sort_name": "Curtis, King"},
    "spooner-oldham": {"name": "Spooner Oldham", "sort_name": "Oldham, Spooner"},
    "chips-moman": {"name": "Chips Moman", "sort_name": "Moman, Chips"},
    "jimmy-johnson": {"name": "Jimmy Johnson", "sort_name": "Johnson, Jimmy"},
    "tommy-cogbill": {"name": "Tommy Cogbill", "sort_name": "Cogbill, Tommy"},
    "roger-hawkins": {"name": "Roger Hawkins", "sort_name": "Hawkins, Roger"},
    "james-jamerson": {"name": "James Jamerson", "sort_name": "Jamerson, James"},
    "bob-babbitt": {"name": "Bob Babbitt", "sort_name": "Babbitt, Bob"},
    "eli-fontaine": {"name": "Eli Fontaine", "sort_name": "Fontaine, Eli"},
    "chet-forest": {"name": "Chet Forest", "sort_name": "Forest, Chet"},
    "eddie-bongo-brown": {"name": "Eddie “Bongo” Brown", "sort_name": "Brown, Eddie “Bongo”"},
    "craig-mcmullen": {"name": "Craig McMullen", "sort_name": "McMullen, Craig"},
    "joseph-lucky-scott": {"name": "Joseph “Lucky” Scott", "sort_name": "Scott, Joseph “Lucky”"},
    "morris-jennings": {"name": "Morris Jennings", "sort_name": "Jennings, Morris"},
    "tyrone-mccullen": {"name": "Tyrone McCullen", "sort_name": "McCullen, Tyrone"},
    "master-henry-gibson": {"name": "Master Henry Gibson", "sort_name": "Gibson, Master Henry"},
}

_ERMITAGE = [("manufactured_by", "Ermitage"), ("distributed_by", "OpenReelTopReel Hub")]

RELEASES = [
    {
        "slug": "miles-davis-ascenseur-pour-lechafaud",
        "title": "Ascenseur Pour L'Echafaud",
        "artists": ["miles-davis"],
        "label": "ermitage",
        "catalogue_number": "VNL 12204 LP",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-02-02",
        "released_precision": "day",
        "original_label": "fontana",
        "original_year": 1958,
        "genres": ["jazz", "cool-jazz"],
        "collection": "new-ermitage",
        "collection_position": 1,
        "barcode": "",
        "notes": (
            "Recorded December 4 and 5, 1957 at Le Poste Parisien, Paris, France.\n"
            "Originally released by Fontana Records in 1958."
        ),
        "price": "23.95",
        "stock": 12,
        "description": (
            "Miles Davis made this music for Louis Malle's 1958 crime thriller, recording it in Paris "
            "over two nights in December 1957 with a mostly French quintet and improvising much of it "
            "while scenes from the film played. The cues are spare and nocturnal, resting on a few "
            "chords and long trumpet lines, often muted, and they already hint at the modal ideas of "
            "Kind of Blue. This Ermitage edition brings back the original Fontana album on yellow vinyl."
        ),
        "description_uk": (
            "Майлз Девіс створив цю музику до кримінального трилера Луї Малля 1958 року. Він записав "
            "її в Парижі за дві грудневі ночі 1957 року з переважно французьким квінтетом, здебільшого "
            "імпровізуючи під час показу сцен із фільму. Стримані нічні епізоди тримаються на кількох "
            "акордах і довгих, часто приглушених сурдиною лініях труби — у них уже чути модальні ідеї "
            "Kind of Blue. Видання Ermitage повертає оригінальний альбом Fontana на жовтому вінілі."
        ),
        "tracks": {
            "A": [
                "Générique",
                "L'Assassinat de Carala",
                "Sur L'Autoroute",
                "Julien Dans L'Ascenseur",
                "Florence Sur Les Champs-Élysées",
            ],
            "B": [
                "Dîner Au Motel",
                "Evasion de Julien",
                "Visite du Vigile",
                "Au Bar du Petit Bac",
                "Chez Le Photographe du Motel",
            ],
        },
        "credits": [
            ("miles-davis", "Trumpet"),
            ("barney-wilen", "Tenor Saxophone"),
            ("rene-urtreger", "Piano"),
            ("pierre-michelot", "Bass"),
            ("kenny-clarke", "Drums"),
        ],
        "companies": [
            ("recorded_at", "Le Poste Parisien"),
            ("copyright", "Opera Leader UK"),
            ("manufactured_by", "Ermitage"),
            ("distributed_by", "OpenReelTopReel Hub"),
        ],
    },
    {
        "slug": "miles-davis-kind-of-blue",
        "title": "Kind of Blue",
        "artists": ["miles-davis"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "columbia",
        "original_year": 1959,
        "genres": ["jazz", "modal"],
        "collection": "new-ermitage",
        "collection_position": 2,
        "barcode": "",
        "notes": (
            "Recorded March 2 and April 22, 1959 at Columbia 30th Street Studio, New York City.\n"
            "Originally released by Columbia Records in 1959."
        ),
        "price": "26.95",
        "stock": 25,
        "description": (
            "Recorded in two sessions in the spring of 1959, Kind of Blue finds Miles Davis's sextet "
            "improvising on scales instead of fast-moving chord changes. John Coltrane, Cannonball "
            "Adderley and Bill Evans, with Wynton Kelly sitting in on “Freddie Freeloader”, give the "
            "five pieces their unhurried, open feel. It remains one of the best-selling jazz albums "
            "ever made."
        ),
        "description_uk": (
            "На Kind of Blue, записаному за дві сесії навесні 1959 року, секстет Майлза Девіса "
            "імпровізує на основі ладів, а не швидкої зміни акордів. Джон Колтрейн, Кеннонбол Еддерлі "
            "та Білл Еванс (у «Freddie Freeloader» за фортепіано — Вінтон Келлі) надають п’яти п’єсам "
            "неквапливого, просторого звучання. Це й досі один із найбільш продаваних джазових "
            "альбомів в історії."
        ),
        "tracks": {
            "A": ["So What", "Freddie Freeloader", "Blue in Green"],
            "B": ["All Blues", "Flamenco Sketches"],
        },
        "credits": [
            ("miles-davis", "Trumpet"),
            ("cannonball-adderley", "Alto Saxophone"),
            ("john-coltrane", "Tenor Saxophone"),
            ("bill-evans", "Piano"),
            ("wynton-kelly", "Piano"),
            ("paul-chambers", "Bass"),
            ("jimmy-cobb", "Drums"),
        ],
        "companies": [("recorded_at", "Columbia 30th Street Studio"), *_ERMITAGE],
    },
    {
        "slug": "john-coltrane-blue-train",
        "title": "Blue Train",
        "artists": ["john-coltrane"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "blue-note",
        "original_year": 1958,
        "genres": ["jazz", "hard-bop"],
        "collection": "new-ermitage",
        "collection_position": 3,
        "barcode": "",
        "notes": (
            "Recorded September 15, 1957 at Van Gelder Studio, Hackensack, New Jersey.\n"
            "Originally released by Blue Note Records in 1958."
        ),
        "price": "24.95",
        "stock": 9,
        "description": (
            "Blue Train is John Coltrane's only album as a leader for Blue Note, recorded in a single "
            "session at Rudy Van Gelder's studio in September 1957. His sextet puts Lee Morgan's "
            "trumpet and Curtis Fuller's trombone alongside him in the front line. Four of the five "
            "tunes are Coltrane's own, among them the slow title blues and the intricate “Moment's "
            "Notice”."
        ),
        "description_uk": (
            "Blue Train — єдиний альбом Джона Колтрейна як лідера для Blue Note, записаний за одну "
            "сесію в студії Руді Ван Гелдера у вересні 1957 року. У його секстеті поруч із ним грають "
            "трубач Лі Морган і тромбоніст Кертіс Фуллер. Чотири з п’яти тем написав сам Колтрейн, "
            "серед них неквапливий заголовний блюз і складна «Moment's Notice»."
        ),
        "tracks": {
            "A": ["Blue Train", "Moment's Notice"],
            "B": ["Locomotion", "I'm Old Fashioned", "Lazy Bird"],
        },
        "credits": [
            ("john-coltrane", "Tenor Saxophone"),
            ("lee-morgan", "Trumpet"),
            ("curtis-fuller", "Trombone"),
            ("kenny-drew", "Piano"),
            ("paul-chambers", "Bass"),
            ("philly-joe-jones", "Drums"),
        ],
        "companies": [("recorded_at", "Van Gelder Studio"), *_ERMITAGE],
    },
    {
        "slug": "john-coltrane-a-love-supreme",
        "title": "A Love Supreme",
        "artists": ["john-coltrane"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "impulse",
        "original_year": 1965,
        "genres": ["jazz", "modal"],
        "collection": "new-ermitage",
        "collection_position": 4,
        "barcode": "",
        "notes": (
            "Recorded December 9, 1964 at Van Gelder Studio, Englewood Cliffs, New Jersey.\n"
            "Originally released by Impulse! Records in 1965."
        ),
        "price": "25.95",
        "stock": 14,
        "description": (
            "John Coltrane recorded this four-part suite with his classic quartet in a single day in "
            "December 1964. Conceived as a personal statement of faith and gratitude, it moves from "
            "“Acknowledgement”, where the band chants the album's title, to “Psalm”, whose melody "
            "follows the lines of a devotional poem printed with the original sleeve notes. McCoy "
            "Tyner, Jimmy Garrison and Elvin Jones give it a steady, powerful pulse."
        ),
        "description_uk": (
            "Джон Колтрейн записав цю сюїту з чотирьох частин зі своїм класичним квартетом за один "
            "день у грудні 1964 року. Задумана як особисте свідчення віри й вдячності, вона веде від "
            "«Acknowledgement», де музиканти співають назву альбому, до «Psalm», мелодія якої "
            "повторює рядки молитовного вірша, надрукованого в оригінальних нотатках до платівки. "
            "Маккой Тайнер, Джиммі Гаррісон та Елвін Джонс задають їй рівний, потужний пульс."
        ),
        "tracks": {
            "A": ["Part I – Acknowledgement", "Part II – Resolution"],
            "B": ["Part III – Pursuance", "Part IV – Psalm"],
        },
        "credits": [
            ("john-coltrane", "Tenor Saxophone"),
            ("mccoy-tyner", "Piano"),
            ("jimmy-garrison", "Bass"),
            ("elvin-jones", "Drums"),
        ],
        "companies": [("recorded_at", "Van Gelder Studio"), *_ERMITAGE],
    },
    {
        "slug": "the-dave-brubeck-quartet-time-out",
        "title": "Time Out",
        "artists": ["the-dave-brubeck-quartet"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "columbia",
        "original_year": 1959,
        "genres": ["jazz", "cool-jazz"],
        "collection": "new-ermitage",
        "collection_position": 5,
        "barcode": "",
        "notes": (
            "Recorded June 25, July 1 and August 18, 1959 at Columbia 30th Street Studio, "
            "New York City.\n"
            "Originally released by Columbia Records in 1959."
        ),
        "price": "23.95",
        "stock": 7,
        "description": (
            "On Time Out the Dave Brubeck Quartet tries out time signatures rarely heard in jazz, "
            "from the 9/8 of “Blue Rondo à la Turk” to the 5/4 of Paul Desmond's “Take Five”. It "
            "became the first jazz album to sell a million copies. Brubeck, Desmond, Eugene Wright and "
            "Joe Morello play it all with a light, relaxed swing."
        ),
        "description_uk": (
            "На Time Out квартет Дейва Брубека випробовує музичні розміри, рідкісні для джазу: від "
            "9/8 у «Blue Rondo à la Turk» до 5/4 у «Take Five» Пола Дезмонда. Це перший джазовий "
            "альбом, що розійшовся накладом понад мільйон примірників. Брубек, Дезмонд, Юджин Райт "
            "і Джо Морелло грають цю музику легко й невимушено."
        ),
        "tracks": {
            "A": ["Blue Rondo à la Turk", "Strange Meadow Lark", "Take Five"],
            "B": ["Three to Get Ready", "Kathy's Waltz", "Everybody's Jumpin'", "Pick Up Sticks"],
        },
        "credits": [
            ("dave-brubeck", "Piano"),
            ("paul-desmond", "Alto Saxophone"),
            ("eugene-wright", "Bass"),
            ("joe-morello", "Drums"),
        ],
        "companies": [("recorded_at", "Columbia 30th Street Studio"), *_ERMITAGE],
    },
    {
        "slug": "cannonball-adderley-somethin-else",
        "title": "Somethin' Else",
        "artists": ["cannonball-adderley"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "blue-note",
        "original_year": 1958,
        "genres": ["jazz", "hard-bop"],
        "collection": "new-ermitage",
        "collection_position": 6,
        "barcode": "",
        "notes": (
            "Recorded March 9, 1958 at Van Gelder Studio, Hackensack, New Jersey.\n"
            "Originally released by Blue Note Records in 1958."
        ),
        "price": "24.95",
        "stock": 2,
        "description": (
            "Although it came out under Cannonball Adderley's name, this 1958 Blue Note session also "
            "features Miles Davis, who rarely recorded as a sideman by then. Their slow, spacious "
            "reading of “Autumn Leaves” is the album's best-known track. Hank Jones, Sam Jones and Art "
            "Blakey complete the quintet."
        ),
        "description_uk": (
            "Хоча ця сесія 1958 року вийшла на Blue Note під ім’ям Кеннонбола Еддерлі, у ній грає й "
            "Майлз Девіс, який на той час уже рідко записувався як сайдмен. Найвідоміший трек "
            "альбому — їхня повільна, простора версія «Autumn Leaves». До квінтету також увійшли "
            "Генк Джонс, Сем Джонс і Арт Блейкі."
        ),
        "tracks": {
            "A": ["Autumn Leaves", "Love for Sale"],
            "B": ["Somethin' Else", "One for Daddy-O", "Dancing in the Dark"],
        },
        "credits": [
            ("cannonball-adderley", "Alto Saxophone"),
            ("miles-davis", "Trumpet"),
            ("hank-jones", "Piano"),
            ("sam-jones", "Bass"),
            ("art-blakey", "Drums"),
        ],
        "companies": [("recorded_at", "Van Gelder Studio"), *_ERMITAGE],
    },
    {
        "slug": "art-blakey-and-the-jazz-messengers-moanin",
        "title": "Moanin'",
        "artists": ["art-blakey-and-the-jazz-messengers"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "blue-note",
        "original_year": 1959,
        "genres": ["jazz", "hard-bop"],
        "collection": "new-ermitage",
        "collection_position": 7,
        "barcode": "",
        "notes": (
            "Recorded October 30, 1958 at Van Gelder Studio, Hackensack, New Jersey.\n"
            "Originally released by Blue Note Records in 1959 as Art Blakey and the Jazz Messengers."
        ),
        "price": "23.95",
        "stock": 11,
        "description": (
            "First issued simply as Art Blakey and the Jazz Messengers, this album came to be known by "
            "its opening track, Bobby Timmons's gospel-flavoured “Moanin'”. Benny Golson, then the "
            "band's tenor saxophonist and musical director, wrote “Along Came Betty” and “Blues "
            "March” for the session. With a 20-year-old Lee Morgan on trumpet, it is one of the "
            "defining hard bop records."
        ),
        "description_uk": (
            "Спершу платівка вийшла під назвою Art Blakey and the Jazz Messengers, але стала відомою "
            "за першим треком — «Moanin'» Боббі Тіммонса з відтінком госпелу. Бенні Голсон, тодішній "
            "тенор-саксофоніст і музичний керівник гурту, написав для цієї сесії «Along Came Betty» "
            "та «Blues March». З двадцятирічним Лі Морганом на трубі це один із визначальних записів "
            "хард-бопу."
        ),
        "tracks": {
            "A": ["Moanin'", "Are You Real", "Along Came Betty"],
            "B": ["The Drum Thunder Suite", "Blues March", "Come Rain or Come Shine"],
        },
        "credits": [
            ("art-blakey", "Drums"),
            ("lee-morgan", "Trumpet"),
            ("benny-golson", "Tenor Saxophone"),
            ("bobby-timmons", "Piano"),
            ("jymie-merritt", "Bass"),
        ],
        "companies": [("recorded_at", "Van Gelder Studio"), *_ERMITAGE],
    },
    {
        "slug": "charles-mingus-mingus-ah-um",
        "title": "Mingus Ah Um",
        "artists": ["charles-mingus"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "columbia",
        "original_year": 1959,
        "genres": ["jazz", "post-bop"],
        "collection": "new-ermitage",
        "collection_position": 8,
        "barcode": "",
        "notes": (
            "Recorded May 5 and May 12, 1959 at Columbia 30th Street Studio, New York City.\n"
            "Originally released by Columbia Records in 1959."
        ),
        "price": "24.95",
        "stock": 6,
        "description": (
            "Mingus Ah Um, recorded in May 1959, was Charles Mingus's first album for Columbia. Many "
            "of its pieces honour his musical ancestors: “Goodbye Pork Pie Hat” remembers Lester "
            "Young, “Open Letter to Duke” salutes Ellington and “Jelly Roll” tips its hat to Jelly "
            "Roll Morton. “Fables of Faubus” mocks the Arkansas governor who resisted school "
            "desegregation, although here it is heard without its words."
        ),
        "description_uk": (
            "Mingus Ah Um, записаний у травні 1959 року, став першим альбомом Чарльза Мінгуса для "
            "Columbia. Чимало п’єс присвячено його музичним попередникам: «Goodbye Pork Pie Hat» — "
            "спогад про Лестера Янга, «Open Letter to Duke» — привіт Еллінгтону, а «Jelly Roll» — "
            "уклін Джеллі Ролу Мортону. «Fables of Faubus» висміює губернатора Арканзасу, який "
            "опирався десегрегації шкіл, хоча тут композиція звучить без слів."
        ),
        "tracks": {
            "A": [
                "Better Git It in Your Soul",
                "Goodbye Pork Pie Hat",
                "Boogie Stop Shuffle",
                "Self-Portrait in Three Colors",
                "Open Letter to Duke",
            ],
            "B": ["Bird Calls", "Fables of Faubus", "Pussy Cat Dues", "Jelly Roll"],
        },
        "credits": [
            ("charles-mingus", "Bass"),
            ("john-handy", "Alto Saxophone"),
            ("booker-ervin", "Tenor Saxophone"),
            ("shafi-hadi", "Tenor Saxophone"),
            ("shafi-hadi", "Alto Saxophone"),
            ("jimmy-knepper", "Trombone"),
            ("willie-dennis", "Trombone"),
            ("horace-parlan", "Piano"),
            ("dannie-richmond", "Drums"),
        ],
        "companies": [("recorded_at", "Columbia 30th Street Studio"), *_ERMITAGE],
    },
    {
        "slug": "bill-evans-trio-waltz-for-debby",
        "title": "Waltz for Debby",
        "artists": ["bill-evans-trio"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "riverside",
        "original_year": 1962,
        "genres": ["jazz", "cool-jazz"],
        "collection": "new-ermitage",
        "collection_position": 9,
        "barcode": "",
        "notes": (
            "Recorded live June 25, 1961 at the Village Vanguard, New York City.\n"
            "Originally released by Riverside Records in 1962."
        ),
        "price": "22.95",
        "stock": 0,
        "description": (
            "Waltz for Debby was recorded live at New York's Village Vanguard on June 25, 1961, the "
            "same day as Sunday at the Village Vanguard. The title piece is Bill Evans's portrait of "
            "his young niece, and the set moves from ballads such as “My Foolish Heart” to a brisk "
            "take on Miles Davis's “Milestones”. Scott LaFaro died only ten days later, which gives "
            "these recordings a special place in the trio's story."
        ),
        "description_uk": (
            "Waltz for Debby записано наживо в нью-йоркському клубі Village Vanguard 25 червня 1961 "
            "року — того ж дня, що й Sunday at the Village Vanguard. Заголовна п’єса — музичний "
            "портрет маленької племінниці Білла Еванса, а програма веде від балад на кшталт «My "
            "Foolish Heart» до жвавої версії «Milestones» Майлза Девіса. Скотт Лафаро загинув лише "
            "через десять днів, тож ці записи посідають особливе місце в історії тріо."
        ),
        "tracks": {
            "A": ["My Foolish Heart", "Waltz for Debby", "Detour Ahead"],
            "B": ["My Romance", "Some Other Time", "Milestones"],
        },
        "credits": [
            ("bill-evans", "Piano"),
            ("scott-lafaro", "Bass"),
            ("paul-motian", "Drums"),
        ],
        "companies": [("recorded_at", "Village Vanguard"), *_ERMITAGE],
    },
    {
        "slug": "lee-morgan-the-sidewinder",
        "title": "The Sidewinder",
        "artists": ["lee-morgan"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "blue-note",
        "original_year": 1964,
        "genres": ["jazz", "hard-bop", "soul-jazz"],
        "collection": "new-ermitage",
        "collection_position": 10,
        "barcode": "",
        "notes": (
            "Recorded December 21, 1963 at Van Gelder Studio, Englewood Cliffs, New Jersey.\n"
            "Originally released by Blue Note Records in 1964."
        ),
        "price": "23.95",
        "stock": 8,
        "description": (
            "The catchy, boogaloo-flavoured title track became an unexpected hit for Lee Morgan and "
            "made this one of Blue Note's best-selling albums. It was recorded in December 1963 with "
            "Joe Henderson, Barry Harris, Bob Cranshaw and Billy Higgins. All five tunes were written "
            "by Morgan himself."
        ),
        "description_uk": (
            "Заголовна композиція з чіпким ритмом у дусі бугалу несподівано стала хітом Лі Моргана й "
            "зробила цей альбом одним із найуспішніших у каталозі Blue Note. Платівку записано в "
            "грудні 1963 року з Джо Гендерсоном, Баррі Гаррісом, Бобом Креншоу та Біллі Гіґґінсом. "
            "Усі п’ять тем написав сам Морган."
        ),
        "tracks": {
            "A": ["The Sidewinder", "Totem Pole"],
            "B": ["Gary's Notebook", "Boy, What a Night", "Hocus-Pocus"],
        },
        "credits": [
            ("lee-morgan", "Trumpet"),
            ("joe-henderson", "Tenor Saxophone"),
            ("barry-harris", "Piano"),
            ("bob-cranshaw", "Bass"),
            ("billy-higgins", "Drums"),
        ],
        "companies": [("recorded_at", "Van Gelder Studio"), *_ERMITAGE],
    },
    {
        "slug": "herbie-hancock-maiden-voyage",
        "title": "Maiden Voyage",
        "artists": ["herbie-hancock"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "blue-note",
        "original_year": 1965,
        "genres": ["jazz", "modal", "post-bop"],
        "collection": "new-ermitage",
        "collection_position": 11,
        "barcode": "",
        "notes": (
            "Recorded March 17, 1965 at Van Gelder Studio, Englewood Cliffs, New Jersey.\n"
            "Originally released by Blue Note Records in 1965."
        ),
        "price": "24.95",
        "stock": 5,
        "description": (
            "Herbie Hancock built Maiden Voyage around images of the sea and recorded it in one day "
            "in March 1965 with Freddie Hubbard, George Coleman, Ron Carter and Tony Williams. The "
            "title track, with its suspended chords over a gently repeating figure, and “Dolphin "
            "Dance” have both become jazz standards. The writing is open and modal, leaving plenty of "
            "room for the soloists."
        ),
        "description_uk": (
            "Гербі Генкок побудував Maiden Voyage на морських образах і записав альбом за один день "
            "у березні 1965 року з Фредді Габбардом, Джорджем Колманом, Роном Картером і Тоні "
            "Вільямсом. Заголовна композиція з її завислими акордами над м’яко повторюваною фігурою "
            "та «Dolphin Dance» стали джазовими стандартами. Музика відкрита й модальна, з великим "
            "простором для солістів."
        ),
        "tracks": {
            "A": ["Maiden Voyage", "The Eye of the Hurricane", "Little One"],
            "B": ["Survival of the Fittest", "Dolphin Dance"],
        },
        "credits": [
            ("herbie-hancock", "Piano"),
            ("freddie-hubbard", "Trumpet"),
            ("george-coleman", "Tenor Saxophone"),
            ("ron-carter", "Bass"),
            ("tony-williams", "Drums"),
        ],
        "companies": [("recorded_at", "Van Gelder Studio"), *_ERMITAGE],
    },
    {
        "slug": "oliver-nelson-the-blues-and-the-abstract-truth",
        "title": "The Blues and the Abstract Truth",
        "artists": ["oliver-nelson"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "impulse",
        "original_year": 1961,
        "genres": ["jazz", "post-bop"],
        "collection": "new-ermitage",
        "collection_position": 12,
        "barcode": "",
        "notes": (
            "Recorded February 23, 1961 at Van Gelder Studio, Englewood Cliffs, New Jersey.\n"
            "Originally released by Impulse! Records in 1961."
        ),
        "price": "22.95",
        "stock": 4,
        "description": (
            "On his best-known album Oliver Nelson writes for a remarkable line-up: Freddie Hubbard, "
            "Eric Dolphy, Bill Evans, Paul Chambers and Roy Haynes, with George Barrow on baritone "
            "saxophone. The carefully arranged pieces are rooted in the blues, and the opening "
            "“Stolen Moments” has become a much-played standard. Everything was recorded in a single "
            "day in February 1961."
        ),
        "description_uk": (
            "Для свого найвідомішого альбому Олівер Нельсон зібрав чудовий склад: Фредді Габбард, "
            "Ерік Долфі, Білл Еванс, Пол Чемберс і Рой Гейнс, а також Джордж Барроу на "
            "баритон-саксофоні. Ретельно аранжовані п’єси виростають із блюзу, а перша з них, «Stolen "
            "Moments», стала часто виконуваним стандартом. Увесь альбом записано за один день у "
            "лютому 1961 року."
        ),
        "tracks": {
            "A": ["Stolen Moments", "Hoe-Down", "Cascades"],
            "B": ["Yearnin'", "Butch and Butch", "Teenie's Blues"],
        },
        "credits": [
            ("oliver-nelson", "Alto Saxophone"),
            ("oliver-nelson", "Tenor Saxophone"),
            ("freddie-hubbard", "Trumpet"),
            ("eric-dolphy", "Alto Saxophone"),
            ("eric-dolphy", "Flute"),
            ("george-barrow", "Baritone Saxophone"),
            ("bill-evans", "Piano"),
            ("paul-chambers", "Bass"),
            ("roy-haynes", "Drums"),
        ],
        "companies": [("recorded_at", "Van Gelder Studio"), *_ERMITAGE],
    },
    {
        "slug": "stan-getz-joao-gilberto-getz-gilberto",
        "title": "Getz/Gilberto",
        "artists": ["stan-getz", "joao-gilberto"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "verve",
        "original_year": 1964,
        "genres": ["jazz", "bossa-nova"],
        "collection": "new-ermitage",
        "collection_position": 13,
        "barcode": "",
        "notes": (
            "Recorded March 18 and 19, 1963 in New York City.\n"
            "Originally released by Verve Records in 1964."
        ),
        "price": "26.95",
        "stock": 18,
        "description": (
            "Recorded in New York in March 1963, Getz/Gilberto brings Stan Getz together with João "
            "Gilberto and Antônio Carlos Jobim, two of the founders of bossa nova. Astrud Gilberto's "
            "English vocal on “The Girl from Ipanema” turned the song into a worldwide hit. The album "
            "won the Grammy for Album of the Year, the first jazz record to do so."
        ),
        "description_uk": (
            "Getz/Gilberto, записаний у Нью-Йорку в березні 1963 року, об’єднав Стена Гетца з Жуаном "
            "Жілберту та Антоніу Карлусом Жобімом — двома засновниками босанови. Англомовний вокал "
            "Аструд Жілберту в «The Girl from Ipanema» зробив цю пісню світовим хітом. Альбом здобув "
            "«Греммі» в категорії «Альбом року» — першим серед джазових записів."
        ),
        "tracks": {
            "A": ["The Girl from Ipanema", "Doralice", "Para Machucar Meu Coração", "Desafinado"],
            "B": ["Corcovado", "Só Danço Samba", "O Grande Amor", "Vivo Sonhando"],
        },
        "credits": [
            ("stan-getz", "Tenor Saxophone"),
            ("joao-gilberto", "Guitar"),
            ("joao-gilberto", "Vocals"),
            ("antonio-carlos-jobim", "Piano"),
            ("tommy-williams", "Bass"),
            ("milton-banana", "Drums"),
            ("astrud-gilberto", "Vocals"),
        ],
        "companies": list(_ERMITAGE),
    },
    {
        "slug": "horace-silver-song-for-my-father",
        "title": "Song for My Father",
        "artists": ["horace-silver"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "blue-note",
        "original_year": 1965,
        "genres": ["jazz", "hard-bop"],
        "collection": "new-ermitage",
        "collection_position": 14,
        "barcode": "",
        "notes": (
            "Recorded October 31, 1963, January 28, 1964 and October 26, 1964 at Van Gelder Studio, "
            "Englewood Cliffs, New Jersey.\n"
            "Originally released by Blue Note Records in 1965."
        ),
        "price": "23.95",
        "stock": 10,
        "description": (
            "Horace Silver dedicated the title track to his father, who was born in Cape Verde, and "
            "its lilting rhythm draws on music Silver had heard on a trip to Brazil. Most of the "
            "album comes from an October 1964 session with his new quintet, featuring Carmell Jones "
            "and Joe Henderson; two pieces date from earlier sessions with his previous group. "
            "Henderson's “The Kicker” is the only tune not written by Silver."
        ),
        "description_uk": (
            "Горас Сілвер присвятив заголовну композицію своєму батькові, уродженцю Кабо-Верде, а її "
            "погойдуваний ритм навіяний музикою, яку Сілвер почув під час подорожі до Бразилії. "
            "Більшу частину альбому записано в жовтні 1964 року з новим квінтетом, де грали Кармелл "
            "Джонс і Джо Гендерсон; дві п’єси походять із попередніх сесій із колишнім складом. "
            "Єдина тема, яку написав не Сілвер, — «The Kicker» Джо Гендерсона."
        ),
        "tracks": {
            "A": ["Song for My Father", "The Natives Are Restless Tonight", "Calcutta Cutie"],
            "B": ["Que Pasa", "The Kicker", "Lonely Woman"],
        },
        "credits": [
            ("horace-silver", "Piano"),
            ("carmell-jones", "Trumpet"),
            ("joe-henderson", "Tenor Saxophone"),
            ("teddy-smith", "Bass"),
            ("roger-humphries", "Drums"),
            ("blue-mitchell", "Trumpet"),
            ("junior-cook", "Tenor Saxophone"),
            ("gene-taylor", "Bass"),
            ("roy-brooks", "Drums"),
        ],
        "companies": [("recorded_at", "Van Gelder Studio"), *_ERMITAGE],
    },
    {
        "slug": "otis-redding-otis-blue",
        "title": "Otis Blue / Otis Redding Sings Soul",
        "artists": ["otis-redding"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "volt",
        "original_year": 1965,
        "genres": ["funk-soul", "soul"],
        "collection": "new-ermitage",
        "collection_position": 15,
        "barcode": "",
        "notes": (
            "Recorded at Stax Recording Studios, Memphis, Tennessee, mostly on July 9 and 10, 1965.\n"
            "Originally released by Volt Records in 1965."
        ),
        "price": "22.95",
        "stock": 3,
        "description": (
            "Otis Redding cut nearly all of Otis Blue at the Stax studio in Memphis within about a "
            "day in July 1965, backed by Booker T. & the M.G.'s, Isaac Hayes and a horn section. "
            "Next to his own “Respect” and “I've Been Loving You Too Long” he sings three Sam Cooke "
            "songs, recorded a few months after Cooke's death, and a tough, horn-driven version of "
            "the Rolling Stones' “Satisfaction”."
        ),
        "description_uk": (
            "Майже весь Otis Blue Отіс Реддінг записав у студії Stax у Мемфісі приблизно за добу в "
            "липні 1965 року — у супроводі Booker T. & the M.G.'s, Айзека Гейза та духової секції. "
            "Поряд із власними «Respect» та «I've Been Loving You Too Long» він співає три пісні Сема "
            "Кука, записані через кілька місяців після його смерті, і напористу, з духовими, версію "
            "«Satisfaction» гурту The Rolling Stones."
        ),
        "tracks": {
            "A": [
                "Ole Man Trouble",
                "Respect",
                "Change Gonna Come",
                "Down in the Valley",
                "I've Been Loving You Too Long",
            ],
            "B": [
                "Shake",
                "My Girl",
                "Wonderful World",
                "Rock Me Baby",
                "Satisfaction",
                "You Don't Miss Your Water",
            ],
        },
        "credits": [
            ("otis-redding", "Vocals"),
            ("booker-t-jones", "Keyboards"),
            ("isaac-hayes", "Piano"),
            ("steve-cropper", "Guitar"),
            ("donald-duck-dunn", "Bass Guitar"),
            ("al-jackson-jr", "Drums"),
        ],
        "companies": [("recorded_at", "Stax Recording Studios"), *_ERMITAGE],
    },
    {
        "slug": "aretha-franklin-i-never-loved-a-man-the-way-i-love-you",
        "title": "I Never Loved a Man the Way I Love You",
        "artists": ["aretha-franklin"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "atlantic",
        "original_year": 1967,
        "genres": ["funk-soul", "soul"],
        "collection": "new-ermitage",
        "collection_position": 16,
        "barcode": "",
        "notes": (
            "Recorded January and February 1967 at FAME Studios, Muscle Shoals, Alabama, and in "
            "New York City.\n"
            "Originally released by Atlantic Records in 1967."
        ),
        "price": "24.95",
        "stock": 13,
        "description": (
            "Aretha Franklin's first album for Atlantic, produced by Jerry Wexler, is the record that "
            "made her a star. It opens with her version of Otis Redding's “Respect”, which went to "
            "number one, and includes the title song, cut with the Muscle Shoals musicians at FAME "
            "Studios. Her own piano and gospel-trained voice lead the way throughout."
        ),
        "description_uk": (
            "Перший альбом Арети Франклін для Atlantic, спродюсований Джеррі Векслером, зробив її "
            "зіркою. Він відкривається її версією пісні Отіса Реддінга «Respect», що посіла перше "
            "місце в чарті, і містить заголовну пісню, записану з музикантами з Маскл-Шолс у студії "
            "FAME. Її власне фортепіано та голос, вихований на госпелі, ведуть за собою всю платівку."
        ),
        "tracks": {
            "A": [
                "Respect",
                "Drown in My Own Tears",
                "I Never Loved a Man (The Way I Love You)",
                "Soul Serenade",
                "Don't Let Me Lose This Dream",
                "Baby, Baby, Baby",
            ],
            "B": [
                "Dr. Feelgood (Love Is a Serious Business)",
                "Good Times",
                "Do Right Woman, Do Right Man",
                "Save Me",
                "A Change Is Gonna Come",
            ],
        },
        "credits": [
            ("aretha-franklin", "Vocals"),
            ("aretha-franklin", "Piano"),
            ("king-curtis", "Tenor Saxophone"),
            ("spooner-oldham", "Keyboards"),
            ("chips-moman", "Guitar"),
            ("jimmy-johnson", "Guitar"),
            ("tommy-cogbill", "Bass Guitar"),
            ("roger-hawkins", "Drums"),
        ],
        "companies": [("recorded_at", "FAME Studios"), *_ERMITAGE],
    },
    {
        "slug": "marvin-gaye-whats-going-on",
        "title": "What's Going On",
        "artists": ["marvin-gaye"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "tamla",
        "original_year": 1971,
        "genres": ["funk-soul", "soul"],
        "collection": "new-ermitage",
        "collection_position": 17,
        "barcode": "",
        "notes": (
            "Recorded 1970–1971, mainly at Hitsville U.S.A., Detroit.\n"
            "Originally released by Tamla Records in 1971."
        ),
        "price": "27.95",
        "stock": 16,
        "description": (
            "Marvin Gaye produced What's Going On himself, linking nine songs into a continuous suite "
            "about war, poverty, drugs and the environment. Motown's session band, the Funk Brothers, "
            "is joined by strings, and James Jamerson's bass lines are a highlight. The title track, "
            "“Mercy Mercy Me (The Ecology)” and “Inner City Blues” were all hit singles."
        ),
        "description_uk": (
            "Марвін Гей сам спродюсував What's Going On, поєднавши дев’ять пісень у безперервну "
            "сюїту про війну, бідність, наркотики й довкілля. До студійного гурту Motown, відомого як "
            "Funk Brothers, приєдналися струнні, а басові партії Джеймса Джеймерсона — одна з окрас "
            "запису. Заголовна пісня, «Mercy Mercy Me (The Ecology)» та «Inner City Blues» стали "
            "успішними синглами."
        ),
        "tracks": {
            "A": [
                "What's Going On",
                "What's Happening Brother",
                "Flyin' High (In the Friendly Sky)",
                "Save the Children",
                "God Is Love",
                "Mercy Mercy Me (The Ecology)",
            ],
            "B": ["Right On", "Wholy Holy", "Inner City Blues (Make Me Wanna Holler)"],
        },
        "credits": [
            ("marvin-gaye", "Vocals"),
            ("marvin-gaye", "Piano"),
            ("james-jamerson", "Bass Guitar"),
            ("bob-babbitt", "Bass Guitar"),
            ("eli-fontaine", "Alto Saxophone"),
            ("chet-forest", "Drums"),
            ("eddie-bongo-brown", "Percussion"),
        ],
        "companies": [("recorded_at", "Hitsville U.S.A."), *_ERMITAGE],
    },
    {
        "slug": "curtis-mayfield-super-fly",
        "title": "Super Fly",
        "artists": ["curtis-mayfield"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "limited", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "curtom",
        "original_year": 1972,
        "genres": ["funk-soul", "soul", "funk"],
        "collection": "new-ermitage",
        "collection_position": 18,
        "barcode": "",
        "notes": "Originally released by Curtom Records in 1972.",
        "price": "25.95",
        "stock": 1,
        "description": (
            "Curtis Mayfield wrote, produced and sang this soundtrack to the 1972 film Super Fly. "
            "Rather than glamorising the film's drug dealers, songs such as “Freddie's Dead” and "
            "“Pusherman” look soberly at the harm that drugs do. Johnny Pate's string and horn "
            "arrangements sit over tight funk grooves, and the album earned more than the film it "
            "was made for."
        ),
        "description_uk": (
            "Кертіс Мейфілд написав, спродюсував і заспівав саундтрек до фільму «Суперфлай» 1972 "
            "року. Замість того щоб прикрашати образи наркоторговців із фільму, такі пісні, як "
            "«Freddie's Dead» і «Pusherman», тверезо показують шкоду від наркотиків. Аранжування "
            "струнних і духових від Джонні Пейта лягають на щільні фанкові ритми, а сам альбом "
            "заробив більше, ніж фільм, для якого його створили."
        ),
        "tracks": {
            "A": [
                "Little Child Runnin' Wild",
                "Pusherman",
                "Freddie's Dead",
                "Junkie Chase (Instrumental)",
            ],
            "B": [
                "Give Me Your Love (Love Song)",
                "Eddie You Should Know Better",
                "No Thing on Me (Cocaine Song)",
                "Think (Instrumental)",
                "Superfly",
            ],
        },
        "credits": [
            ("curtis-mayfield", "Vocals"),
            ("curtis-mayfield", "Guitar"),
            ("craig-mcmullen", "Guitar"),
            ("joseph-lucky-scott", "Bass Guitar"),
            ("morris-jennings", "Drums"),
            ("tyrone-mccullen", "Drums"),
            ("master-henry-gibson", "Percussion"),
        ],
        "companies": list(_ERMITAGE),
    },
    # --- Ermitage reissues outside the New Ermitage collection ---
    {
        "slug": "miles-davis-milestones",
        "title": "Milestones",
        "artists": ["miles-davis"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "reissue"],
        "colour": "",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "columbia",
        "original_year": 1958,
        "genres": ["jazz", "hard-bop", "modal"],
        "collection": None,
        "collection_position": None,
        "barcode": "",
        "notes": (
            "Recorded February 4 and March 4, 1958 at Columbia 30th Street Studio, New York City.\n"
            "Originally released by Columbia Records in 1958."
        ),
        "price": "21.95",
        "stock": 6,
        "description": (
            "Milestones is the only studio album by the Miles Davis sextet that put John Coltrane and "
            "Cannonball Adderley side by side with Red Garland, Paul Chambers and Philly Joe Jones. "
            "Most of it is hard-swinging, blues-based material, but the title track, built on just "
            "two scales, was an early step towards Kind of Blue. Davis also plays piano on “Sid's "
            "Ahead”, and “Billy Boy” is a feature for Garland's trio."
        ),
        "description_uk": (
            "Milestones — єдиний студійний альбом секстету Майлза Девіса, у якому Джон Колтрейн і "
            "Кеннонбол Еддерлі грали разом із Редом Гарлендом, Полом Чемберсом і Філлі Джо Джонсом. "
            "Здебільшого це енергійний матеріал на блюзовій основі, але заголовна п’єса, побудована "
            "лише на двох ладах, стала одним із перших кроків до Kind of Blue. У «Sid's Ahead» Девіс "
            "сідає й за фортепіано, а «Billy Boy» виконує тріо Гарленда."
        ),
        "tracks": {
            "A": ["Dr. Jekyll", "Sid's Ahead", "Two Bass Hit"],
            "B": ["Milestones", "Billy Boy", "Straight, No Chaser"],
        },
        "credits": [
            ("miles-davis", "Trumpet"),
            ("miles-davis", "Piano"),
            ("cannonball-adderley", "Alto Saxophone"),
            ("john-coltrane", "Tenor Saxophone"),
            ("red-garland", "Piano"),
            ("paul-chambers", "Bass"),
            ("philly-joe-jones", "Drums"),
        ],
        "companies": [("recorded_at", "Columbia 30th Street Studio"), *_ERMITAGE],
    },
    {
        "slug": "sonny-rollins-saxophone-colossus",
        "title": "Saxophone Colossus",
        "artists": ["sonny-rollins"],
        "label": "ermitage",
        "catalogue_number": "",
        "format": "LP",
        "format_descriptions": ["album", "reissue"],
        "colour": "",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "original_label": "prestige",
        "original_year": None,  # sources disagree between 1956 and 1957
        "genres": ["jazz", "hard-bop"],
        "collection": None,
        "collection_position": None,
        "barcode": "",
        "notes": (
            "Recorded June 22, 1956 at Van Gelder Studio, Hackensack, New Jersey.\n"
            "Originally released by Prestige Records."
        ),
        "price": "29.95",
        "stock": 7,
        "description": (
            "Sonny Rollins recorded Saxophone Colossus in a single session at Rudy Van Gelder's "
            "studio in June 1956, with Tommy Flanagan, Doug Watkins and Max Roach. It opens with the "
            "calypso “St. Thomas”, which draws on his family's Caribbean roots, and closes with "
            "“Blue 7”, a long blues improvisation patiently built from a few simple motifs. "
            "“Moritat” is the tune better known as “Mack the Knife”."
        ),
        "description_uk": (
            "Сонні Роллінз записав Saxophone Colossus за одну сесію в студії Руді Ван Гелдера в "
            "червні 1956 року з Томмі Фланаганом, Дугом Воткінсом і Максом Роучем. Альбом "
            "відкривається каліпсо «St. Thomas», навіяним карибським корінням його родини, і "
            "завершується «Blue 7» — довгою блюзовою імпровізацією, терпляче вибудуваною з кількох "
            "простих мотивів. «Moritat» — це та сама мелодія, яку краще знають як «Mack the Knife»."
        ),
        "tracks": {
            "A": ["St. Thomas", "You Don't Know What Love Is", "Strode Rode"],
            "B": ["Moritat", "Blue 7"],
        },
        "credits": [
            ("sonny-rollins", "Tenor Saxophone"),
            ("tommy-flanagan", "Piano"),
            ("doug-watkins", "Bass"),
            ("max-roach", "Drums"),
        ],
        "companies": [("recorded_at", "Van Gelder Studio"), *_ERMITAGE],
    },
]

# Records whose tracks get synthetic demo clips (catalog.demo.tones): machine-made sine
# tones for trying the player, never recordings of the music.
WITH_CLIPS = frozenset(
    {
        "miles-davis-ascenseur-pour-lechafaud",
        "miles-davis-kind-of-blue",
        "john-coltrane-blue-train",
        "the-dave-brubeck-quartet-time-out",
    }
)
