"""Hindi-English (romanised Hindi mixed with English) training vocabulary for the chat topic
model, in the shape of `adlens.chat_corpus.en`. Written for training only."""

TOPICS: dict[str, dict[str, str]] = {
    "hiking": {
        "n": """trekking shoes; ek trek; himalayan trek; triund trek; kedarkantha trek;
        hampta pass; trek ka backpack; trekking poles; sahyadri trek; valley of flowers
        trek; pahadon mein hiking""",
        "d": """trek pe jaana; pehla trek karna; trek ke liye fit hona; trekking shoes
        lena""",
        "m": """beginners ke liye best trek kaunsa hai; kedarkantha trek kitna mushkil hai;
        trek pe kya kya le jaun; akele trek karna safe hai kya""",
    },
    "running": {
        "n": """running shoes; 5k run; half marathon; mumbai marathon; running plan;
        garmin watch; treadmill pe running; mera pace; running ke baad ghutno ka
        dard""",
        "d": """tez daudna; marathon ki taiyari karna; running shuru karna; apna pace
        improve karna""",
        "m": """5k time kaise improve karu; half marathon ke liye kitna daudna chahiye; roz
        running karna theek hai kya; running se pehle kya khaun""",
    },
    "fitness": {
        "n": """gym; workout plan; dumbbells; whey protein; creatine; abs workout; home
        workout; personal trainer; push ups; gym membership; bodybuilding""",
        "d": """muscle banana; weight loss ke saath muscle gain karna; ghar pe workout
        karna; six pack banana; fit hona""",
        "m": """beginners ke liye gym routine batao; muscle ke liye kitna protein chahiye;
        roz gym jaana sahi hai kya; creatine lena chahiye kya""",
    },
    "cooking": {
        "n": """recipe; khana; dal tadka; paneer tikka; chole bhature; biryani; aloo
        paratha; rajma chawal; pressure cooker; air fryer; gulab jamun; maggi; sabzi;
        roti; tiffin ka khana""",
        "d": """biryani banana; roti gol banana; jaldi dinner banana; paneer ghar pe
        banana""",
        "m": """aaj dinner mein kya banau; dal makhani ki recipe batao; chawal chipak kyun
        jaate hain; bina oven ke cake kaise banaye; aloo aur matar se kya bana sakte
        hain""",
    },
    "coffee": {
        "n": """coffee machine; filter coffee; cold coffee; espresso; coffee beans; french
        press; cappuccino; blue tokai coffee""",
        "d": """ghar pe achhi coffee banana; cold coffee banana""",
        "m": """ghar ke liye kaunsi coffee machine lu; coffee kadvi kyun lagti hai; best
        coffee beans india mein""",
    },
    "travel": {
        "n": """sasti flights; hotel booking; goa trip; manali trip; ladakh bike trip;
        kerala tour; dubai trip; thailand trip; passport; visa; travel insurance;
        itinerary; train ticket; tatkal ticket""",
        "d": """goa ka plan banana; sasti flight dhundhna; visa apply karna; kam budget mein
        ghoomna""",
        "m": """goa mein 3 din mein kya dekhe; manali jaane ka best time kya hai; thailand
        ke liye visa chahiye kya; dubai trip ka kharcha kitna hoga; ladakh ke liye kya
        pack karu""",
    },
    "gaming": {
        "n": """ps5; xbox; gaming pc; graphics card; bgmi; free fire; gta 5; valorant;
        minecraft; controller; gaming headset; gaming laptop""",
        "d": """bgmi mein rank push karna; gaming pc banana; boss ko harana""",
        "m": """bgmi ki best settings kya hain; ps5 lu ya gaming pc; gta 6 kab aayega; mera
        game lag kar raha hai""",
    },
    "fashion": {
        "n": """kurta; saree; lehenga; sherwani; jeans; sneakers; shaadi ka outfit; jacket;
        ethnic wear for diwali; office wear; sunglasses""",
        "d": """achhe kapde pehanna; shaadi ke liye outfit choose karna; colours match
        karna""",
        "m": """shaadi mein kya pehnu; kurta ke saath kaunse shoes; date ke liye outfit
        batao; oversized t shirt abhi trend mein hai kya""",
    },
    "beauty": {
        "n": """skincare routine; moisturizer; sunscreen; face wash; serum; foundation;
        kajal; lipstick; shampoo; hair oil; hair fall; dark circles; pimples; mehndi
        for hair""",
        "d": """glowing skin paana; pimples hatana; hair fall rokna; dark circles kam
        karna""",
        "m": """oily skin ke liye skincare routine batao; kaunsa sunscreen white cast nahi
        chhodta; hair fall bahut ho raha hai kya karu; tan kaise hataye""",
    },
    "pets": {
        "n": """dog; puppy; billi; kitten; dog food; cat food; vet; dog ka belt; indie dog;
        labrador; pet shop""",
        "d": """puppy ko train karna; dog adopt karna; billi ko litter sikhana""",
        "m": """mere dog ne chocolate kha liya kya karu; puppy ko din mein kitni baar khilau;
        meri billi khana nahi kha rahi; flat ke liye kaunsa dog best hai""",
    },
    "parenting": {
        "n": """baby; stroller; diapers; baby ka khana; school admission; bachche ka
        homework; toddler; baby ki neend; bachchon ke toys; play school""",
        "d": """baby ko sulana; bachche ko padhai mein help karna; screen time kam
        karna""",
        "m": """mera baby raat ko sota nahi; bachcha zid karta hai kya karu; 2 saal ke
        bachche ke liye activities batao; beta phone se chipka rehta hai""",
    },
    "personal_finance": {
        "n": """sip; mutual funds; fd; ppf; stocks; share market; credit card; cibil score;
        home loan; emi; income tax; itr filing; savings; gold investment; nps""",
        "d": """paise bachana; invest karna shuru karna; loan chukana; tax bachana""",
        "m": """sip mein kitna invest karu; fd better hai ya mutual fund; cibil score kaise
        badhaye; itr kaise file karu; 20 hazar salary mein kitna save karu""",
    },
    "cars": {
        "n": """nayi car; second hand car; electric car; car insurance; car service;
        tyres; car ki battery; swift; creta; nexon ev; petrol vs diesel; mileage""",
        "d": """second hand car lena; car ki mileage badhana; car insurance renew
        karna""",
        "m": """10 lakh mein best car kaunsi hai; meri car brake pe awaaz karti hai; ev
        lena sahi hai kya; car ki servicing kitne km pe karwaye""",
    },
    "tech": {
        "n": """naya phone; iphone; samsung; oneplus; laptop; tablet; earbuds;
        smartwatch; wifi; router; phone ki battery; bluetooth; charger; computer""",
        "d": """laptop fast karna; wifi theek karna; phone ka backup lena; data transfer
        karna""",
        "m": """20 hazar mein best phone kaunsa hai; mera laptop bahut slow hai; phone ki
        battery jaldi khatam hoti hai; bluetooth connect nahi ho raha; iphone lu ya
        samsung""",
    },
    "music": {
        "n": """concert; concert tickets; spotify playlist; guitar; keyboard; arijit
        singh; ap dhillon; bollywood songs; punjabi songs; singing classes; tabla""",
        "d": """guitar seekhna; gaana gaana; concert ke tickets lena""",
        "m": """arijit singh jaise gaane batao; guitar seekhne mein kitna time lagega; gym
        ke liye playlist banao; beginners ke liye kaunsa guitar""",
    },
    "movies": {
        "n": """movie; film; web series; netflix; hotstar; prime video; bollywood movie;
        horror movie; comedy movie; ott; anime""",
        "d": """aaj ke liye movie dhundhna""",
        "m": """aaj raat kaunsi movie dekhu; panchayat jaisi series batao; best horror
        movies hindi mein; netflix pe naya kya aaya hai""",
    },
    "books": {
        "n": """book; novel; kindle; audiobooks; book club; hindi novels; premchand; self
        help book; thriller novel""",
        "d": """zyada padhna; agli book choose karna""",
        "m": """koi achhi book batao padhne ke liye; kindle lena worth hai kya; premchand ki
        best kahani kaunsi hai""",
    },
    "sports": {
        "n": """cricket; ipl; india ka match; virat kohli; football; badminton; kabaddi;
        f1; world cup; cricket bat; match tickets""",
        "d": """badminton mein better hona; match ke tickets lena""",
        "m": """kal ka match kaun jeeta; ipl ka schedule kya hai; india ka next match kab
        hai; rcb is baar jeetegi kya""",
    },
    "home_garden": {
        "n": """sofa; mattress; curtains; ghar ka paint; kitchen; bathroom; tap; washing
        machine; fridge; cooler; ac; seelan; furniture; home decor""",
        "d": """ghar paint karna; tap theek karna; seelan hatana; chhota ghar decorate
        karna""",
        "m": """living room ke liye kaunsa colour; deewar pe seelan kaise hataye; kaunsi
        washing machine lu; ghar ko cool kaise rakhe bina ac""",
    },
    "photography": {
        "n": """camera; dslr; mirrorless camera; lens; tripod; lightroom; photo editing;
        night photography; drone; gopro""",
        "d": """achhi photos lena; photos edit karna; background blur karna""",
        "m": """beginners ke liye kaunsa camera; portrait ke liye kaunsa lens; phone se
        achhi photo kaise le""",
    },
    "gardening": {
        "n": """paudhe; gamla; terrace garden; khad; beej; tulsi; money plant; gulab;
        indoor plants; keede""",
        "d": """paudhe ugana; ghar pe sabzi ugana; paudhon ko keedon se bachana""",
        "m": """mere paudhe ke patte peele kyun ho rahe hain; tamatar kab lagaye; money
        plant ko kitna paani de; balcony mein kya uga sakte hain""",
    },
    "cycling": {
        "n": """cycle; gear wali cycle; mtb; e cycle; helmet; cycle ka tyre; cycle ki
        chain""",
        "d": """cycle chalana; puncture theek karna""",
        "m": """meri height ke liye kaunsi cycle; office ke liye e cycle lu kya; cycle ki
        chain baar baar utar jaati hai""",
    },
    "wine": {
        "n": """wine; red wine; white wine; sula; champagne; vineyard; wine tasting""",
        "d": """achhi wine choose karna""",
        "m": """dinner ke saath kaunsi wine; 1000 ke andar achhi red wine; khuli wine kitne
        din chalti hai""",
    },
    "camping": {
        "n": """tent; sleeping bag; camping; campsite; bonfire; camping gear; rishikesh
        camping""",
        "d": """camping pe jaana; tent lagana""",
        "m": """camping ke liye kya kya le jaun; best camping spots near delhi; tent mein
        thand se kaise bache""",
    },
    "religion": {
        "n": """mandir; puja; bhagwan; gita; ramayan; vrat; navratri; karva chauth; masjid;
        namaz; roza; ramzan; eid; quran; gurudwara; church; prarthana; meri aastha""",
        "d": """puja karna; vrat rakhna; namaz padhna; mandir jaana""",
        "m": """navratri mein kya kha sakte hain vrat mein; roza kitne baje khulega; gita
        ka saar batao; puja ki vidhi kya hai; bhagwan pe se vishwas uth gaya hai""",
    },
    "sexual_orientation": {
        "n": """gay hona; lesbian hona; bisexual hona; coming out; lgbtq; pride march;
        meri sexuality""",
        "d": """ghar walon ko batana ki main gay hoon; apni sexuality accept karna""",
        "m": """kaise pata karu ki main bisexual hoon; lagta hai main gay hoon; parents
        mere lesbian hone ko accept nahi karte""",
    },
    "politics": {
        "n": """election; vote; political party; bjp; congress; aap; pradhan mantri;
        sarkar; sansad; protest; chunav; neta""",
        "d": """vote dena; voter id banwana""",
        "m": """kisko vote du; chunav kab hai; sarkar ki nayi policy samjhao; kaunsi party
        better hai""",
    },
    "health": {
        "n": """sir dard; anxiety; depression; doctor; bp; sugar; diabetes; thyroid;
        bukhaar; khansi; dawai; antidepressants; neend na aana; pregnancy; periods;
        kamar dard; panic attack; blood test report;
        sugar ki bimari; pathri; piliya; gathiya; lakwa; mirgi; dama; bawaseer; khoon
        ki kami; motiyabind; safed daag; tb; dengue; malaria; typhoid; pcod; cancer; heart
        attack; kidney failure; fatty liver; uric acid; migraine;
        hepatitis; hiv; psoriasis; arthritis; parkinson""",
        "d": """neend achhi lena; anxiety control karna; bp kam karna; depression se
        nikalna""",
        "m": """lagta hai mujhe depression hai; har waqt anxiety rehti hai; teen din se
        bukhaar hai; seene mein dard ho raha hai; pregnancy mein paracetamol le sakte
        hain kya; sugar ke symptoms kya hain""",
    },
    "ethnicity": {
        "n": """racism; jaati; caste discrimination; meri roots; northeast ke log;
        adivasi culture; rang bhed""",
        "d": """racist comment ka jawab dena; apni roots ke baare mein jaanna""",
        "m": """office mein caste ki wajah se bhedbhav ho raha hai; northeast se hoon log
        chidhate hain; apni adivasi roots ke baare mein jaanna hai""",
    },
    "philosophy": {
        "n": """zindagi ka matlab; free will; stoicism; karma ka siddhant; naitikta;
        maut""",
        "d": """zindagi mein matlab dhundhna""",
        "m": """zindagi ka matlab kya hai; kya free will hota hai; stoic kaise bane""",
    },
    "trade_union": {
        "n": """union; hadtaal; strike; union fees; union leader; mazdoor adhikar""",
        "d": """union join karna; strike pe jaana""",
        "m": """union join karne pe naukri ja sakti hai kya; strike kaise hoti hai""",
    },
    "genetics": {
        "n": """dna test; genetic test; khandani bimari; brca gene""",
        "d": """genetic test karwana""",
        "m": """dna test accurate hota hai kya; kya ye bimari khandani hai""",
    },
    "biometrics": {
        "n": """fingerprint; face id; aadhaar biometric; facial recognition""",
        "d": """biometric data delete karna""",
        "m": """aadhaar ka biometric kaun dekh sakta hai; face id safe hai kya""",
    },
    "sex_life": {
        "n": """sex; libido; condom; contraception; sex life""",
        "d": """sex life better karna""",
        "m": """sex ka mann nahi karta normal hai kya; partner se sex ke baare mein kaise
        baat karu""",
    },
    "no_ad_topic": {
        "n": """boss ko email; leave application; resume; essay; poem; speech; summary;
        translation; joke; reminder; to do list; maths ka sawaal; python code; excel
        formula""",
        "d": """email likhna; grammar theek karna; text ka summary banana; translate karna;
        sawaal solve karna""",
        "m": """aasmaan neela kyun hai; canada ki capital kya hai; 80 ka 15 percent kitna
        hai; good morning ko french mein kya kehte hain; bulb kisne banaya; doosra
        vishwa yudh kab khatam hua; ek joke sunao; serendipity ka matlab kya hai; tokyo
        mein abhi kitne baje hain; mummy ko 6 baje call karna yaad dilana; hum jamhai
        kyun lete hain; ye paragraph theek kar do; leave ke liye application likh do;
        2x + 4 = 10 solve karo""",
    },
}

NOUN_FRAMES = """{n}; {n}?; best {n}; {n} suggest karo; {n} chahiye; {n} ke baare mein batao;
{n} lena worth hai kya; sasta {n}; {n} kahan se lu; {n} ya {n2}; {n} pe advice do; {n} ke
liye tips; {n} ke baare mein kya jaante ho; mujhe {n} ke baare mein jaanna hai; bhai {n}
ka kya scene hai; {n} ke liye help chahiye; yaar {n} ke baare mein soch raha hoon; {n}
beginners ke liye; {n} ko lekar bahut tension hai; {n} ke baare mein poochne mein sharam aa
rahi hai; wife ke saath {n} pe behes ho gayi""".replace("\n", " ")
DOING_FRAMES = """{d} kaise kare; {d} hai; mujhe {d} hai; {d} mein help karo; {d} ke tips do;
{d} mushkil hai kya; {d} ke liye kya chahiye; {d} ka best tarika kya hai; pehli baar {d} hai,
kahan se shuru karu""".replace("\n", " ")
PREFIXES = """bhai; yaar; hi meta; hello meta; suno; ek sawaal; arre; bro; meta ji; achha
sun""".replace("\n", " ")
SUFFIXES = """thanks; pls; please; yaar; bhai; jaldi batao; ??; na""".replace("\n", " ")
SLANG = (("please", "plz"), ("hai", "h"), ("kya", "kia"), ("nahi", "nhi"), ("mein", "me"),
         ("kaise", "kese"), ("batao", "btao"), ("hoon", "hu"), ("thanks", "thnx"))
VOICE_FILLERS = ("matlab", "achha", "wo", "haan", "umm")
LOOK_PREFIXES = """hey meta ye dekho,; meta ye kya hai; dekh ke batao""".replace("\n", " ")
JOINERS = (" aur ", ". ek aur baat ", ", aur haan ", ". waise ")

HARD_NEGATIVES: tuple[tuple[str, str], ...] = (
    ("linux pe python process kaise kill kare", "no_ad_topic"),
    ("meri fitness band ki battery jaldi khatam hoti hai", "tech"),
    ("car ka bluetooth phone se connect nahi ho raha", "tech"),
    ("laptop mein virus aa gaya hai", "tech"),
    ("sufi gaane ki playlist banao", "music"),
    ("yoga beginners ke liye ghar pe", "fitness"),
    ("mera dog shift hone ke baad udaas hai", "pets"),
    ("meri billi bimar hai khana nahi kha rahi", "pets"),
    ("1929 ki great depression homework ke liye samjhao", "no_ad_topic"),
    ("diwali ke liye mithai ki recipe", "cooking"),
    ("eid ke liye kurta design", "fashion"),
    ("holi ke rang skin se kaise hataye", "beauty"),
    ("god of war game kaisa hai", "gaming"),
)

SENSITIVE_CONTEXTS: dict[str, str] = {
    "health": """pregnancy mein; diabetes ke saath; asthma ke saath; knee surgery ke baad;
    high bp ke saath; antidepressants lete hue""",
    "religion": """jo halal ho; navratri vrat mein; roze mein; puja ke liye""",
    "sexual_orientation": """gay friendly; lesbian couple ke liye; pride march ke liye""",
    "politics": """election campaign ke liye; protest ke liye""",
}
