"""Ukrainian texts of the demo catalogue that are not descriptions: artists' names as
spelt in Ukrainian, vinyl colours, and release notes. Read by ``catalog.demo.loader``.

Kept apart from ``catalogue`` so that the English data stays as on the sleeves and one
place holds everything a translator checks. Names follow the usual Ukrainian spelling
of each artist (Portuguese names from Portuguese, not English, pronunciation); an
ASCII apostrophe keeps "П'єр" findable however a shopper types it.
"""

ARTIST_NAMES = {  # artist slug -> name in Ukrainian
    # Title artists
    "miles-davis": "Майлз Девіс",
    "john-coltrane": "Джон Колтрейн",
    "the-dave-brubeck-quartet": "Квартет Дейва Брубека",
    "cannonball-adderley": "Кеннонбол Еддерлі",
    "art-blakey-and-the-jazz-messengers": "Арт Блейкі та «Джаз Месенджерс»",
    "charles-mingus": "Чарлз Мінгус",
    "bill-evans-trio": "Тріо Білла Еванса",
    "lee-morgan": "Лі Морган",
    "herbie-hancock": "Гербі Генкок",
    "oliver-nelson": "Олівер Нельсон",
    "stan-getz": "Стен Гетц",
    "joao-gilberto": "Жуан Жілберту",
    "horace-silver": "Горас Сілвер",
    "sonny-rollins": "Сонні Роллінз",
    "otis-redding": "Отіс Реддінг",
    "aretha-franklin": "Арета Франклін",
    "marvin-gaye": "Марвін Гей",
    "curtis-mayfield": "Кертіс Мейфілд",
    # Personnel
    "barney-wilen": "Барні Вілен",
    "rene-urtreger": "Рене Уртреже",
    "pierre-michelot": "П'єр Мішло",
    "kenny-clarke": "Кенні Кларк",
    "bill-evans": "Білл Еванс",
    "wynton-kelly": "Вінтон Келлі",
    "paul-chambers": "Пол Чемберс",
    "jimmy-cobb": "Джиммі Кобб",
    "red-garland": "Ред Гарленд",
    "philly-joe-jones": "Філлі Джо Джонс",
    "curtis-fuller": "Кертіс Фуллер",
    "kenny-drew": "Кенні Дрю",
    "mccoy-tyner": "Маккой Тайнер",
    "jimmy-garrison": "Джиммі Гаррісон",
    "elvin-jones": "Елвін Джонс",
    "dave-brubeck": "Дейв Брубек",
    "paul-desmond": "Пол Дезмонд",
    "eugene-wright": "Юджин Райт",
    "joe-morello": "Джо Морелло",
    "hank-jones": "Генк Джонс",
    "sam-jones": "Сем Джонс",
    "art-blakey": "Арт Блейкі",
    "benny-golson": "Бенні Голсон",
    "bobby-timmons": "Боббі Тіммонс",
    "jymie-merritt": "Джимі Мерріт",
    "john-handy": "Джон Генді",
    "booker-ervin": "Букер Ервін",
    "shafi-hadi": "Шафі Хаді",
    "jimmy-knepper": "Джиммі Неппер",
    "willie-dennis": "Віллі Денніс",
    "horace-parlan": "Горас Парлан",
    "dannie-richmond": "Денні Річмонд",
    "scott-lafaro": "Скотт Лафаро",
    "paul-motian": "Пол Моушен",
    "joe-henderson": "Джо Гендерсон",
    "barry-harris": "Баррі Гарріс",
    "bob-cranshaw": "Боб Креншоу",
    "billy-higgins": "Біллі Гіггінс",
    "freddie-hubbard": "Фредді Габбард",
    "george-coleman": "Джордж Коулмен",
    "ron-carter": "Рон Картер",
    "tony-williams": "Тоні Вільямс",
    "eric-dolphy": "Ерік Долфі",
    "george-barrow": "Джордж Барроу",
    "roy-haynes": "Рой Гейнс",
    "antonio-carlos-jobim": "Антоніу Карлус Жобін",
    "tommy-williams": "Томмі Вільямс",
    "milton-banana": "Мілтон Банана",
    "astrud-gilberto": "Аструд Жілберту",
    "carmell-jones": "Кармелл Джонс",
    "teddy-smith": "Тедді Сміт",
    "roger-humphries": "Роджер Гамфріс",
    "blue-mitchell": "Блю Мітчелл",
    "junior-cook": "Джуніор Кук",
    "gene-taylor": "Джин Тейлор",
    "roy-brooks": "Рой Брукс",
    "tommy-flanagan": "Томмі Фланаган",
    "doug-watkins": "Даг Воткінс",
    "max-roach": "Макс Роуч",
    "booker-t-jones": "Букер Ті Джонс",
    "steve-cropper": "Стів Кроппер",
    "donald-duck-dunn": "Дональд «Дак» Данн",
    "al-jackson-jr": "Ел Джексон-молодший",
    "isaac-hayes": "Айзек Гейз",
    "king-curtis": "Кінг Кертіс",
    "spooner-oldham": "Спунер Олдем",
    "chips-moman": "Чіпс Моумен",
    "jimmy-johnson": "Джиммі Джонсон",
    "tommy-cogbill": "Томмі Когбілл",
    "roger-hawkins": "Роджер Гокінс",
    "james-jamerson": "Джеймс Джемерсон",
    "bob-babbitt": "Боб Беббіт",
    "eli-fontaine": "Елі Фонтейн",
    "chet-forest": "Чет Форест",
    "eddie-bongo-brown": "Едді «Бонго» Браун",
    "craig-mcmullen": "Крейг Макмаллен",
    "joseph-lucky-scott": "Джозеф «Лакі» Скотт",
    "morris-jennings": "Морріс Дженнінгс",
    "tyrone-mccullen": "Тайрон Маккаллен",
    "master-henry-gibson": "Мастер Генрі Гібсон",
}

COLOURS = {  # colour as entered in English -> in Ukrainian
    "Yellow": "Жовтий",
}

_VAN_GELDER_HACKENSACK = "в Van Gelder Studio, Гакенсак, Нью-Джерсі"
_VAN_GELDER_ENGLEWOOD = "в Van Gelder Studio, Енглвуд-Кліффс, Нью-Джерсі"
_COLUMBIA_30TH_STREET = "в Columbia 30th Street Studio, Нью-Йорк"

NOTES = {  # release slug -> its notes in Ukrainian
    "miles-davis-ascenseur-pour-lechafaud": (
        "Записано 4 і 5 грудня 1957 року в Le Poste Parisien, Париж, Франція.\n"
        "Уперше видано лейблом Fontana Records 1958 року."
    ),
    "miles-davis-kind-of-blue": (
        f"Записано 2 березня та 22 квітня 1959 року {_COLUMBIA_30TH_STREET}.\n"
        "Уперше видано лейблом Columbia Records 1959 року."
    ),
    "john-coltrane-blue-train": (
        f"Записано 15 вересня 1957 року {_VAN_GELDER_HACKENSACK}.\n"
        "Уперше видано лейблом Blue Note Records 1958 року."
    ),
    "john-coltrane-a-love-supreme": (
        f"Записано 9 грудня 1964 року {_VAN_GELDER_ENGLEWOOD}.\n"
        "Уперше видано лейблом Impulse! Records 1965 року."
    ),
    "the-dave-brubeck-quartet-time-out": (
        f"Записано 25 червня, 1 липня та 18 серпня 1959 року {_COLUMBIA_30TH_STREET}.\n"
        "Уперше видано лейблом Columbia Records 1959 року."
    ),
    "cannonball-adderley-somethin-else": (
        f"Записано 9 березня 1958 року {_VAN_GELDER_HACKENSACK}.\n"
        "Уперше видано лейблом Blue Note Records 1958 року."
    ),
    "art-blakey-and-the-jazz-messengers-moanin": (
        f"Записано 30 жовтня 1958 року {_VAN_GELDER_HACKENSACK}.\n"
        "Уперше видано лейблом Blue Note Records 1959 року під назвою "
        "Art Blakey and the Jazz Messengers."
    ),
    "charles-mingus-mingus-ah-um": (
        f"Записано 5 і 12 травня 1959 року {_COLUMBIA_30TH_STREET}.\n"
        "Уперше видано лейблом Columbia Records 1959 року."
    ),
    "bill-evans-trio-waltz-for-debby": (
        "Записано наживо 25 червня 1961 року в клубі Village Vanguard, Нью-Йорк.\n"
        "Уперше видано лейблом Riverside Records 1962 року."
    ),
    "lee-morgan-the-sidewinder": (
        f"Записано 21 грудня 1963 року {_VAN_GELDER_ENGLEWOOD}.\n"
        "Уперше видано лейблом Blue Note Records 1964 року."
    ),
    "herbie-hancock-maiden-voyage": (
        f"Записано 17 березня 1965 року {_VAN_GELDER_ENGLEWOOD}.\n"
        "Уперше видано лейблом Blue Note Records 1965 року."
    ),
    "oliver-nelson-the-blues-and-the-abstract-truth": (
        f"Записано 23 лютого 1961 року {_VAN_GELDER_ENGLEWOOD}.\n"
        "Уперше видано лейблом Impulse! Records 1961 року."
    ),
    "stan-getz-joao-gilberto-getz-gilberto": (
        "Записано 18 і 19 березня 1963 року в Нью-Йорку.\n"
        "Уперше видано лейблом Verve Records 1964 року."
    ),
    "horace-silver-song-for-my-father": (
        "Записано 31 жовтня 1963 року, 28 січня та 26 жовтня 1964 року "
        f"{_VAN_GELDER_ENGLEWOOD}.\n"
        "Уперше видано лейблом Blue Note Records 1965 року."
    ),
    "otis-redding-otis-blue": (
        "Записано в Stax Recording Studios, Мемфіс, Теннессі, здебільшого 9 і 10 липня "
        "1965 року.\n"
        "Уперше видано лейблом Volt Records 1965 року."
    ),
    "aretha-franklin-i-never-loved-a-man-the-way-i-love-you": (
        "Записано в січні та лютому 1967 року в FAME Studios, Масл-Шолс, Алабама, а також "
        "у Нью-Йорку.\n"
        "Уперше видано лейблом Atlantic Records 1967 року."
    ),
    "marvin-gaye-whats-going-on": (
        "Записано в 1970–1971 роках, здебільшого в Hitsville U.S.A., Детройт.\n"
        "Уперше видано лейблом Tamla Records 1971 року."
    ),
    "curtis-mayfield-super-fly": "Уперше видано лейблом Curtom Records 1972 року.",
    "miles-davis-milestones": (
        f"Записано 4 лютого та 4 березня 1958 року {_COLUMBIA_30TH_STREET}.\n"
        "Уперше видано лейблом Columbia Records 1958 року."
    ),
    "sonny-rollins-saxophone-colossus": (
        f"Записано 22 червня 1956 року {_VAN_GELDER_HACKENSACK}.\n"
        "Уперше видано лейблом Prestige Records."
    ),
}
