"""Named things people ask an assistant about (teams, artists, titles, places, products,
medicines, faiths, politicians, trivia) and the frames around them, per language and label.
Health words (conditions, medicines, tests and their look-alikes) are in `health`.

Each pattern is (label, frames, values): every frame with "{x}" filled by every value gives
whole training messages for that label (see `adlens.chat_corpus.pattern_messages`).
"""

from adlens.chat_corpus import health

_TEAMS = """arsenal; man united; liverpool; chelsea; man city; tottenham; real madrid; barcelona;
bayern munich; psg; juventus; inter milan; the lakers; the warriors; the celtics; the knicks;
the yankees; the dodgers; the chiefs; the eagles; the cowboys; the 49ers; team india; mumbai
indians; ferrari; red bull racing; boca juniors; flamengo; america; chivas"""
_PLAYERS = """messi; ronaldo; lebron; steph curry; mbappe; haaland; virat kohli; djokovic;
alcaraz; serena williams; verstappen; lewis hamilton; patrick mahomes; shohei ohtani; neymar;
vinicius jr; caitlin clark; simone biles; tiger woods; rory mcilroy"""
_ARTISTS = """taylor swift; beyonce; drake; the weeknd; billie eilish; olivia rodrigo; bad bunny;
ed sheeran; coldplay; arctic monkeys; kendrick lamar; sza; harry styles; dua lipa; bts;
blackpink; radiohead; metallica; adele; bruno mars; post malone; morgan wallen; the beatles;
queen; sabrina carpenter; chappell roan; karol g; peso pluma; arijit singh; anitta"""
_SCREEN = """oppenheimer; barbie; dune part two; the bear; stranger things; the office; friends;
squid game; wednesday; the last of us; succession; top gun maverick; avatar; john wick;
spider-man; the godfather; pulp fiction; breaking bad; game of thrones; house of the dragon;
the boys; severance; ted lasso; inside out 2; wicked; gladiator 2; deadpool; the white lotus"""
_BOOKS = """sally rooney; colleen hoover; brandon sanderson; sarah j maas; stephen king; agatha
christie; haruki murakami; fourth wing; atomic habits; the midnight library; the hobbit;
pride and prejudice; the great gatsby; a court of thorns and roses; the seven husbands of
evelyn hugo; project hail mary; the alchemist; educated; where the crawdads sing; james
patterson; jane austen; tolkien; rebecca yarros; freida mcfadden"""
_GAMES = """zelda; mario kart; pokemon scarlet; elden ring; fortnite; minecraft; gta v; call of
duty; valorant; league of legends; ea fc 25; hogwarts legacy; baldur's gate 3; animal
crossing; stardew valley; cyberpunk 2077; the sims 4; apex legends; overwatch 2; diablo 4;
palworld; helldivers 2; rocket league; roblox; red dead redemption 2; hades 2"""
_PLACES = """paris; rome; tokyo; bali; iceland; new york; lisbon; barcelona; london; cancun;
thailand; mexico city; dubai; croatia; greece; amsterdam; prague; vietnam; peru; costa
rica; hawaii; morocco; the maldives; seoul; istanbul; buenos aires; cape town; kyoto;
santorini; the scottish highlands; goa; rio de janeiro; cartagena; banff; sydney"""
_CARS = """honda civic; toyota corolla; toyota rav4; tesla model y; tesla model 3; ford f150;
jeep wrangler; vw golf; bmw 3 series; mazda cx5; kia sportage; hyundai tucson; subaru
outback; toyota prius; ford mustang; nissan leaf; volvo xc60; audi a4; kia ev6; byd
seal"""
_GADGETS = """iphone 16; galaxy s24; pixel 9; macbook air; ipad pro; airpods pro; apple watch;
dell xps; surface pro; sony wh-1000xm5; galaxy buds; oneplus 12; nothing phone; steam
deck oled; chromebook; kindle scribe; garmin venu; fitbit charge; meta quest 3; gopro hero"""
_BEAUTY = """cerave; the ordinary; la roche posay; fenty beauty; sephora; olaplex; dyson
airwrap; rare beauty; drunk elephant; glossier; maybelline; nars; charlotte tilbury;
clinique; paula's choice; neutrogena; laneige; elf cosmetics"""
_BRANDS = """zara; h&m; uniqlo; nike; adidas; levi's; new balance; doc martens; gucci; prada;
shein; lululemon; patagonia; the north face; converse; birkenstock; ralph lauren; mango;
cos; arket"""
_DISHES = """lasagna; tacos; pad thai; butter chicken; banana bread; carbonara; chili;
risotto; shakshuka; sushi; pancakes; brownies; guacamole; pho; paella; biryani; meatballs;
mac and cheese; apple pie; gyoza; ramen; falafel; fried rice; enchiladas; tiramisu; focaccia;
chicken curry; beef stew; lemon cake; christmas cookies; thanksgiving stuffing"""
_BREEDS = """golden retriever; labrador; french bulldog; german shepherd; husky; beagle; poodle;
maine coon; siamese cat; ragdoll cat; corgi; dachshund; chihuahua; border collie; bengal cat;
cockapoo; shih tzu; bearded dragon; guinea pig; budgie"""
_MONEY = """vanguard; fidelity; robinhood; the chase sapphire card; amex gold; a roth ira; my
401k; the s&p 500; nvidia stock; tesla stock; bitcoin; ethereum; voo; vti; schwab; a
high yield savings account; an index fund; treasury bonds; a cd; a heloc"""
_HOME = """ikea; wayfair; home depot; a dyson vacuum; a roomba; a nest thermostat; a ring
doorbell; a casper mattress; a sectional sofa; a standing desk; a dehumidifier; an air
purifier; laminate flooring; kitchen cabinets; a shower head; blackout curtains"""
_COUNTRIES = """france; japan; brazil; canada; australia; egypt; kenya; norway; argentina;
india; germany; mexico; south korea; nigeria; peru; sweden; turkey; vietnam; chile; poland"""
_FIGURES = """napoleon; cleopatra; julius caesar; albert einstein; isaac newton; marie curie;
abraham lincoln; genghis khan; shakespeare; leonardo da vinci; nikola tesla; galileo;
alexander the great; queen victoria; charles darwin; ada lovelace; mozart; frida kahlo"""
_PHENOMENA = """the sky blue; the ocean salty; ice slippery; grass green; the moon visible
during the day; snow white; the sunset red; thunder so loud; the earth round; glass
transparent"""
_MECHANISMS = """magnets; rainbows; volcanoes; earthquakes; black holes; tides; airplanes;
solar panels; the internet; glaciers; hurricanes; eclipses; fireflies; bridges; compasses;
nuclear power plants; elevators"""
_CODE = """reverse a string in python; sort a list of dicts in python; read a csv file with
pandas; fix a null pointer exception in java; merge two dictionaries; remove duplicates from
a list; write a for loop in javascript; convert a string to an int; center a div; join two
tables in sql; make a pivot table in excel; use vlookup; undo a git commit; exit vim; write
a regex for emails; fix a cors error; install node on linux; kill a process on port 3000"""
_WRITING = """a poem about the ocean; a short story about a dragon; a thank you email; a
resignation letter; a bio for my instagram; a limerick about my cat's name; a haiku about
rain; an apology text to my friend; an out of office message; a cover letter for a
receptionist job; a toast for my sister's birthday; a speech for graduation; a eulogy for
my grandpa; a complaint email to my internet provider; a product description for my etsy
shop; a tweet announcing my new job"""
_WORDS = """ephemeral; ubiquitous; nostalgia; irony; paradigm; pragmatic; empathy; resilient;
serendipity; melancholy; schadenfreude; ambivalent; juxtaposition; quintessential;
catharsis; hubris; esoteric; mundane"""
_CITIES = """tokyo; london; new york; sydney; paris; dubai; los angeles; mumbai; sao paulo;
mexico city; berlin; chicago; madrid; lagos; toronto"""
_SYMPTOMS = """a sore throat; chest pain; a lump in my neck; blurry vision; heart palpitations;
a high fever; constant fatigue; blood in my stool; lower back pain; a rash on my leg;
ringing in my ears; numb fingers; shortness of breath; a uti; acid reflux; a migraine;
panic attacks; low mood; night sweats; dizziness when i stand up; a swollen ankle; a cough
that won't go away; stomach cramps; a lump in my breast; irregular periods"""
_MEDS = """sertraline; metformin; ozempic; adderall; ibuprofen; amoxicillin; prednisone;
lexapro; insulin; levothyroxine; wegovy; paracetamol; xanax; lisinopril; statins; zoloft"""
_FAITHS = """muslims; catholics; hindus; buddhists; sikhs; jews; mormons; jehovah's witnesses;
evangelicals; orthodox christians; quakers; baptists"""
_POLITICIANS = """trump; biden; kamala harris; obama; keir starmer; rishi sunak; modi; lula;
milei; macron; putin; zelensky; aoc; bernie sanders; nigel farage; sheinbaum"""
_ISSUES = """abortion rights; gun control; immigration; the minimum wage; climate policy;
tariffs; brexit; universal healthcare; the death penalty; voter id laws; rent control"""
_GROUPS = """black; latino; asian american; native american; romani; indigenous; arab;
south asian; afro-latino; mixed race; jewish; pacific islander"""


# Hard negatives: sensitive-sounding words in an everyday sense, with their real label.
_PETS = """dog; cat; puppy; kitten; rabbit; senior dog; old cat; labrador; husky"""
_PET_FRAMES = """my {x} has anxiety; my {x} seems depressed since we moved; my {x} has
diabetes; my {x} is sick and won't eat; my {x} has a cough; my {x} has cancer, what are the
options; my {x} has arthritis; my {x} is pregnant; my {x} has a rash; my {x} keeps throwing
up; my {x} needs surgery; is my {x} overweight; my {x} is on antibiotics; my {x} has a
fever; my {x} has separation anxiety; my {x} is limping; my {x} has seizures"""
_PLANTS = """tomato plant; monstera; rose bush; lawn; basil; lemon tree; orchid; cucumber
plants; apple tree"""
_DEVICE_ID = """face id; the fingerprint sensor on my phone; touch id; the fingerprint reader
on my laptop; windows hello face login; the face unlock on my pixel"""
_WEARABLES = """fitness tracker; fitbit; garmin watch; apple watch; whoop band; oura ring;
smart scale; heart rate monitor strap"""
_SONGS = """stairway to heaven; karma police; like a prayer; losing my religion; hallelujah;
highway to hell; sympathy for the devil; personal jesus; heaven is a place on earth; take
me to church; amazing grace; born this way; holy by justin bieber; god's plan; spirit in
the sky; bohemian rhapsody"""
_SHOWS = """the devil wears prada; pride and prejudice; the da vinci code; conclave; the
exorcist; sister act; the book of mormon musical; doctor who; the good place; sex and the
city; queer eye; house of cards; the west wing; veep; the handmaid's tale; black mirror;
god's not dead; the crown"""
_GAMES_HARD = """god of war; temple run; devil may cry; dark souls; the binding of isaac;
assassin's creed; bloodborne; doom eternal; mass effect; spiritfarer; age of empires;
civilization 6; black myth wukong; saints row"""
_WORDS_HARD = """what caused the great depression; what is a tropical depression; explain the
union of two sets; what's a left join in sql; how do i use union all in sql; what is sin 30
degrees; how do you calculate a tangent; what is a prime number; what does pride of lions
mean; who won the cold war; what's a conservative estimate; what does liberal arts mean;
what is a genetic algorithm in computer science; how do i check the health of my hard drive;
what is a race condition in programming; why is my python process killed; how do i kill a
zombie process; what's the meaning of life in hitchhiker's guide; what is a monk fish;
what's the difference between a union and a struct in c"""
_EVERYDAY_HARD = (
    ("music", """house party playlist; a karaoke
     party; soul music classics; gospel choir concert tickets; christian rock bands like
     skillet; a playlist for my birthday party""", ""),
    ("fashion", """christian dior bags; christian louboutin heels; saint laurent sunglasses;
     church's shoes; a black dress for a party; a white linen shirt; a party dress; a
     labour day sale on jeans; the return policy at zara""", ""),
    ("cooking", """angel food cake; deviled eggs; a buddha bowl; heavenly hash brownies; a
     blood orange salad; black bean soup; korean fried chicken; indian butter chicken; thai
     green curry; mexican street corn; japanese curry; chinese dumplings; hot cross buns; a
     christmas pudding; party food for 20 people; a liberal amount of garlic in pasta""",
     ""),
    ("personal_finance", """the best credit union for a car loan; a conservative portfolio
     for retirement; is a credit union better than a bank; a bi-weekly budget template; an
     insurance policy for my apartment""", ""),
    ("travel", """hotels near union square; things to do in the dominican republic; a czech
     republic itinerary; los angeles in 3 days; temple bar in dublin; tickets for the
     vatican museums; an angkor wat tour; sagrada familia tickets; flights to salt lake
     city; a bachelorette party in vegas""", ""),
    ("sports", """bowling tips to get more strikes; the new orleans saints score; angels
     baseball tickets; race day at silverstone; the kentucky derby; the padres game""",
     ""),
    ("fitness", """a medicine ball workout; gaining muscle mass; yoga for beginners; pilates
     for core strength; heart rate zones for fat loss; a soulcycle class; good genetics for
     building muscle""", ""),
    ("running", """heart rate zones for easy runs; race day nutrition for a marathon; pacing
     my first 10k race; a race bib holder""", ""),
    ("beauty", """philosophy moisturizer; a korean skincare routine; a heavenly scented body
     lotion; the black friday sale at sephora""", ""),
    ("cars", """a transmission fluid change; a race car driving experience; my car's engine
     health check; the check engine light""", ""),
    ("tech", """black friday laptop deals; my phone's battery health; a computer virus scan;
     the right click on my mouse is broken; a left handed mouse""", ""),
    ("home_garden", """a medicine cabinet with a mirror; labour cost to tile a bathroom; a
     heavenly soft mattress topper; a church pew bench for the hallway""", ""),
    ("parenting", """birthday party ideas for a 5 year old; party games for kids; a baby
     shower gift""", ""),
    ("wine", """wine for a dinner party; champagne for a new year's party""", ""),
    ("gardening", """a zen garden for a small yard; a monk's pepper plant""", ""),
)

# More words of sensitive topics used in an everyday sense.
_MORE_HARD = (
    ("beauty", """best drugstore mascara; a drugstore dupe for this serum; a vitamin c serum
     for dark spots; a deep conditioning hair treatment; dying my hair pink at home; my roots
     are showing, box dye or salon; straight hair with a flat iron; a hair mask for
     damaged hair; a keratin treatment; a retinol that won't irritate"""),
    ("fashion", """prescription sunglasses online; straight leg jeans; ethical fashion
     brands; bargain hunting at outlet stores; a period drama themed party outfit; a rainbow
     sweater; a doctor martens alternative; an outfit for a costume party; a white tee that
     isn't see through; a cross body bag"""),
    ("tech", """when is the new iphone coming out; when is the pixel 10 coming out; identity
     theft protection for my phone; a password manager; stress test my gaming pc; my phone
     bill is too high, cheaper plans; a smart home hub; the face id on my new phone; a
     virus scan for android; my laptop fan sounds sick; a mental note app for my phone"""),
    ("cooking", """pain au chocolat recipe; mole sauce from scratch; kosher salt vs table
     salt; all purpose flour substitute; monk fruit sweetener in baking; rainbow trout in the
     oven; a rainbow cake for a birthday; blood orange cocktail; a healthy dinner in 20
     minutes; healthy snacks for work; a yogurt culture for homemade yogurt; pilgrim's
     chicken thighs recipe; a hot cross bun recipe; cold brew tea"""),
    ("gardening", """a prayer plant with crispy leaves; holy basil in a pot; native plants
     for pollinators; heritage tomatoes from seed; an african violet that won't bloom;
     the roots of my monstera are rotting; a lawn treatment for moss; a bleeding heart
     plant; a peace lily drooping"""),
    ("home_garden", """kitchen cabinet paint colors; a closet organizer system; how do i
     organize my garage; organize my pantry; a picket fence for the front yard; water
     pressure in my shower is low; hospital corners when making a bed; aromatherapy candles
     for the living room; a medicine cabinet mirror; a rainbow rug for the kids room"""),
    ("fitness", """reps and sets for hypertrophy; crossfit for beginners; cross training
     at the gym; a cold plunge after workouts; leg day soreness; muscle mass after 40; a
     pre workout without caffeine; a spin bike for home"""),
    ("sports", """a tennis clinic for adults; a golf clinic this weekend; the angels game
     tonight; the saints score; walkout songs for baseball; race day at the track; the
     capitals game; the padres vs dodgers"""),
    ("music", """panic at the disco songs; latin music for a party; faith hill albums;
     house music for a house party; soul playlists; the
     killers concert; a christmas song playlist; a jazz brunch with live music"""),
    ("movies", """hospital playlist k drama; saturday night fever movie; true blood series;
     hell's kitchen new season; the good doctor series; grey's anatomy season 20; period
     dramas like bridgerton; queer eye new season; the politician netflix series"""),
    ("pets", """dog breeds for people with allergies; my cat's medication schedule; pet
     insurance that covers surgery; a diabetic cat food; my dog's anxiety vest; my senior
     dog's arthritis; my cat is pregnant, what do i need; my puppy has a fever"""),
    ("personal_finance", """identity theft protection; a bill pay app; capital gains tax
     on stocks; index funds vs etfs; a credit union
     savings rate; bargain stocks right now; my phone bill autopay"""),
    ("travel", """president's day weekend getaway; a state park road trip; cancun vs the
     dominican republic; mind the gap london tube tips; spirit airlines baggage fees;
     a bachelor party in nashville; a birthday trip to new orleans"""),
    ("cars", """car diagnostics for a check engine light; tire pressure in winter; a
     track day for my car; a dashcam"""),
    ("parenting", """healthy snacks for toddlers; a class election speech for my 10 year
     old; coming out of the newborn phase, what's next; truth or dare questions for a kids
     party; my daughter's birthday party theme"""),
    ("no_ad_topic", """what's my zodiac sign if i'm born in july, am i a cancer; cancer
     zodiac traits; what's a poll in statistics; what is mental math; how does a
     bill become a law, for my civics homework; what is the capital of peru; what's the
     meaning of the word catholic; what does religiously mean in a sentence; define
     depression in economics; what is cabin fever; what does existential mean; origin of the
     word pride"""),
)

# Words of everyday topics used in another sense.
_TOPIC_WORD_HARD = (
    ("cooking", """apple crumble recipe; blackberry jam recipe; chocolate chip cookies from
     scratch; a hot dog bar for a party; fish tacos for dinner; olive garden copycat
     breadsticks; a plant-based dinner idea; roast lamb for sunday lunch"""),
    ("home_garden", """there's a mouse in my kitchen, how do i get rid of it; cleaning my
     windows without streaks; a screen door that keeps sticking; a coffee table for a small
     living room; a washing machine cycle for wool; charger plates for a dinner table; a
     garden party table setup"""),
    ("pets", """a ball python as a first pet; what do pet snakes eat; a fish tank heater;
     a parrot that talks"""),
    ("travel", """book a flight to denver; book a hotel in chicago for friday; travel size
     toiletries for a carry on; a booking for two nights in rome"""),
    ("no_ad_topic", """running a python script from the command line; my nose is running
     and i have a meeting, write an excuse email; child process vs parent process; a parent
     directory in linux; saving a file as pdf; a java null pointer exception; the fed is
     hiking interest rates, what does that mean for the economy; why do cats purr, asking
     for a science quiz; what's a mouse in computer terms for my grandma's crossword"""),
    ("personal_finance", """the fed hiking rates, should i refinance my mortgage; saving
     for a sports car; running out of money before payday"""),
    ("fashion", """a wine colored dress; a sports bra for big busts; a garden party dress;
     a catwalk inspired outfit"""),
    ("movies", """time travel movies; beauty and the beast cast; the fast and furious
     order; a movie about a dog"""),
    ("music", """camping out for concert tickets; a music box lullaby; real guitar lessons
     for a beginner"""),
    ("cars", """a sports car under 40k; a jaguar f-type; the ford mustang mach e range"""),
    ("parenting", """a car seat for a newborn; a music class for toddlers; a bike for a 4
     year old; a book for a 3 year old about sharing"""),
    ("tech", """running out of storage on my phone; my phone keeps cycling through apps
     slowly; a stylus for drawing"""),
)

# Facts and names that brush a sensitive topic without revealing anything about the person.
_BRUSH_HARD = (
    ("no_ad_topic", """how many books are in the bible; when was the vatican founded; who
     wrote the communist manifesto; what year did the berlin wall fall; who was the first
     president of the united states; how many states are in the us; how does the electoral
     college work, for my history homework; when did women get the vote in the uk; who was
     martin luther; what is the oldest religion in the world, for a quiz; how many
     countries are in the european union; what's the population of vatican city; who was
     gandhi; what does the word secular mean; when was the magna carta signed; who invented
     the printing press and printed the first bible; what year did the civil war end; what is
     the capital of israel; how many senators does each state have; what is the house of
     lords; who was the first female prime minister of the uk; what language did jesus
     speak, for a trivia night; translate 'god bless you' into spanish; spell
     parliamentary; what is a union in set theory; what's the strike price of an option,
     define it for my finance class; define labour in economics; what does left wing mean
     in football tactics"""),
    ("sports", """the st louis cardinals score; the saints vs the falcons; the new orleans
     saints draft; the angels lineup tonight; the padres score; union berlin results; the
     crusaders rugby score; the patriots game; the ottawa senators; the washington nationals;
     the capitals vs the rangers; a strike in bowling vs a spare; the batsman's strike rate
     in cricket; the pilgrims football club; the rebels in rugby; a hat trick in hockey;
     the race for the title in the premier league; the wildcard race in baseball"""),
    ("cooking", """onion soup recipe; caramelized onions; french onion dip; how to cut an
     onion without crying; pickled red onions; spring onion pancakes; a union of sweet and
     sour in a sauce"""),
    ("fashion", """party wear for a wedding; a campaign by gucci with a new face; an outfit
     for a themed party; an ethnic print dress; a liberal use of sequins"""),
    ("music", """the rolling stones setlist; rage against the machine tickets; the clash
     london calling vinyl; a summer playlist for a road trip; the church band from
     australia; the national concert tickets; the killers and the strokes; union j songs"""),
)

PATTERNS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "en": (
        ("sports", """did {x} win last night; {x} score; when do {x} play next; {x} highlights;
         is {x} playing tonight; {x} injury news; how are {x} doing this season; tickets to
         see {x}; {x} jersey; {x} lineup today""", _TEAMS),
        ("sports", """how old is {x}; {x} stats this season; is {x} retiring; {x} highlights;
         did {x} play last night; {x} jersey""", _PLAYERS),
        ("music", """songs like {x}; {x} new album; {x} tour dates; {x} concert tickets; best
         {x} songs; play some {x}; is {x} coming to my city; {x} setlist; {x} lyrics meaning;
         {x} vinyl""", _ARTISTS),
        ("movies", """is {x} worth watching; where can i stream {x}; shows like {x}; {x}
         release date; {x} cast; {x} ending explained; {x} new season; should i watch {x}
         tonight""", _SCREEN),
        ("books", """books like {x}; is {x} worth reading; {x} new book; {x} audiobook; what
         to read after {x}; {x} reading order""", _BOOKS),
        ("gaming", """{x} tips; how to beat {x}; is {x} worth it; {x} on switch or ps5; {x}
         best build; {x} update; {x} servers down?; games like {x}""", _GAMES),
        ("travel", """things to do in {x}; best time to visit {x}; {x} itinerary; hotels in
         {x}; is {x} expensive to visit; flights to {x}; where to stay in {x}; 5 days in
         {x}; day trips from {x}; {x} on a budget""", _PLACES),
        ("no_ad_topic", """what time is it in {x}; weather in {x} tomorrow; how far is {x}
         from here; what timezone is {x}""", _CITIES),
        ("cars", """{x} reliability; is a {x} a good first car; {x} price; {x} mpg; {x}
         problems; {x} lease deals; {x} vs a used bmw""", _CARS),
        ("tech", """{x} review; is the {x} worth it; {x} battery life; {x} deals; how do i
         reset my {x}; my {x} won't turn on; {x} or the older model""", _GADGETS),
        ("beauty", """{x} dupe; is {x} worth it; best {x} products; {x} for sensitive skin;
         {x} sale""", _BEAUTY),
        ("fashion", """{x} size guide; is {x} good quality; {x} sale; outfit ideas with {x};
         {x} sneakers; {x} jackets""", _BRANDS),
        ("cooking", """recipe for {x}; how to make {x}; easy {x}; what to serve with {x}; can
         i freeze {x}; vegetarian {x}; how long does {x} keep in the fridge; {x} for a
         crowd""", _DISHES),
        ("pets", """is a {x} good for an apartment; how much exercise does a {x} need; {x}
         puppy price; does a {x} shed a lot; best food for a {x}; my {x} keeps
         barking""", _BREEDS),
        ("personal_finance", """is {x} a good investment; should i put money in {x}; how does
         {x} work; {x} fees; {x} or paying off debt""", _MONEY),
        ("home_garden", """{x} review; is {x} worth it; {x} sale; how to install {x}; {x} for
         a small flat""", _HOME),
        ("no_ad_topic", """what's the capital of {x}; population of {x}; what language do
         they speak in {x}; what does the flag of {x} look like; how big is {x}""",
         _COUNTRIES),
        ("no_ad_topic", """who was {x}; when did {x} die; what is {x} famous for; fun facts
         about {x}; write a short bio of {x} for my homework""", _FIGURES),
        ("no_ad_topic", """why is {x}; explain why {x}; science question: why is {x}""",
         _PHENOMENA),
        ("no_ad_topic", """how do {x} work; explain {x} to a 10 year old; what causes {x}""",
         _MECHANISMS),
        ("no_ad_topic", """how do i {x}; {x}?; can you show me how to {x}; error when i try
         to {x}""", _CODE),
        ("no_ad_topic", """write {x}; help me write {x}; draft {x}; can you write {x} for
         me""", _WRITING),
        ("no_ad_topic", """what does {x} mean; synonym for {x}; how do you spell {x}; use {x}
         in a sentence; define {x}""", _WORDS),
        ("health", """i have {x}, should i see a doctor; {x} for 2 weeks, what could it be;
         is {x} serious; how to treat {x}; what causes {x}; {x} and i'm scared""",
         _SYMPTOMS),
        ("health", """side effects of {x}; can i drink alcohol on {x}; how long does {x} take
         to work; is {x} safe while pregnant; i missed a dose of {x}; coming off {x}""",
         _MEDS),
        ("religion", """what do {x} believe about the afterlife; what do {x} believe; how to
         convert and become one of the {x}; holidays {x} celebrate; can {x} eat pork; how
         do {x} pray""", _FAITHS),
        ("politics", """what do you think of {x}; {x} latest news; is {x} a good leader; {x}
         policies explained; should i vote for {x}; {x} approval rating""", _POLITICIANS),
        ("politics", """{x} debate explained; arguments for and against {x}; where do the
         parties stand on {x}; should i support {x}""", _ISSUES),
        ("ethnicity", """dealing with racism as a {x} person; {x} heritage month events;
         what does it mean to be {x} in america; growing up {x}; stereotypes about {x}
         people""", _GROUPS),
        ("pets", _PET_FRAMES, _PETS),
        ("gardening", """my {x} has a disease; my {x} looks sick; my {x} is dying; my {x} has
         fungus; what's wrong with my {x}; my {x} has a virus""", _PLANTS),
        ("tech", """{x} not working; {x} stopped working after the update; how do i set up
         {x}; {x} keeps failing""", _DEVICE_ID),
        ("tech", """my {x} battery drains fast; my {x} won't pair over bluetooth; my {x}
         screen is cracked; my {x} won't sync; how do i reset my {x}""", _WEARABLES),
        ("music", """{x} chords; {x} lyrics; play {x}; who sang {x}; {x} on guitar""",
         _SONGS),
        ("movies", """{x} review; where to stream {x}; {x} cast; is {x} good""", _SHOWS),
        ("gaming", """{x} tips; is {x} worth it; how to beat the boss in {x}""", _GAMES_HARD),
        ("no_ad_topic", "{x}", _WORDS_HARD),
        *((label, "{x}", values) for label, values, _ in _EVERYDAY_HARD),
        *((label, "{x}", values) for label, values in _MORE_HARD),
        *((label, "{x}", values) for label, values in _TOPIC_WORD_HARD),
        *((label, "{x}", values) for label, values in _BRUSH_HARD),
    ),
    "es": (
        ("sports", """ganó el {x} anoche; a qué hora juega el {x}; resultado del {x}; entradas
         para ver al {x}; camiseta del {x}""", """real madrid; barça; atlético de madrid;
         sevilla; boca; river plate; américa; chivas; betis; valencia"""),
        ("music", """canciones como las de {x}; nuevo disco de {x}; entradas para {x};
         concierto de {x}; pon algo de {x}""", """bad bunny; rosalía; karol g; shakira;
         peso pluma; quevedo; aitana; j balvin; feid; taylor swift"""),
        ("travel", """qué hacer en {x}; mejor época para ir a {x}; hoteles en {x}; vuelos a
         {x}; cuántos días en {x}""", """cancún; madrid; tokio; parís; cusco; buenos aires;
         cartagena; oaxaca; ibiza; roma; nueva york; bariloche"""),
        ("no_ad_topic", """qué hora es en {x}; qué tiempo hace mañana en {x}; capital de {x};
         cuántos habitantes tiene {x}""", """tokio; méxico; japón; canadá; australia;
         egipto; noruega; chile"""),
        ("no_ad_topic", """quién fue {x}; qué inventó {x}; datos curiosos de {x}""",
         """napoleón; cleopatra; einstein; frida kahlo; cervantes; simón bolívar"""),
        ("health", """tengo {x}, voy al médico; {x} desde hace dos semanas; es grave {x};
         cómo se trata {x}""", """dolor de pecho; fiebre alta; un bulto en el cuello;
         mareos; ansiedad; tos persistente; dolor de espalda; visión borrosa"""),
        ("politics", """qué opinas de {x}; últimas noticias de {x}; votarías a {x}""",
         """milei; sheinbaum; pedro sánchez; feijóo; amlo; petro; bukele"""),
        ("cooking", """receta de {x}; cómo hacer {x}; {x} fácil""", """paella; tortilla de
         patatas; enchiladas; arepas; ceviche; empanadas; flan; churros; pozole"""),
        ("pets", """mi {x} tiene ansiedad; mi {x} está deprimido; mi {x} tiene diabetes; mi
         {x} está enfermo; mi {x} vomita mucho; mi {x} está embarazada""", """perro;
         gato; cachorro; gatito; conejo"""),
        ("tech", """{x} no funciona; cómo configuro {x}""", """el face id; el sensor de
         huella del móvil; el desbloqueo facial"""),
        ("music", "{x}", """letra de aleluya; acordes de highway to hell; canciones de
         misa para una boda; playlist para una fiesta"""),
    ),
    "pt": (
        ("sports", """o {x} ganhou ontem; que horas joga o {x}; resultado do {x}; ingresso
         para o jogo do {x}; camisa do {x}""", """flamengo; corinthians; palmeiras; são
         paulo; benfica; porto; sporting; grêmio; vasco"""),
        ("music", """músicas parecidas com {x}; álbum novo da {x}; ingresso para o show de
         {x}; toca {x}""", """anitta; marília mendonça; jorge e mateus; ludmilla; caetano
         veloso; gilberto gil; taylor swift; luísa sonza"""),
        ("travel", """o que fazer em {x}; melhor época para ir a {x}; hotéis em {x};
         passagem para {x}""", """lisboa; porto; gramado; salvador; fernando de noronha;
         paris; orlando; buenos aires; bonito"""),
        ("no_ad_topic", """que horas são em {x}; previsão do tempo em {x}; capital de {x};
         quantos habitantes tem {x}""", """tóquio; japão; canadá; austrália; egito;
         noruega; chile"""),
        ("health", """estou com {x}, devo ir ao médico; {x} há duas semanas; {x} é grave""",
         """dor no peito; febre alta; um caroço no pescoço; tontura; ansiedade; tosse
         persistente; dor nas costas"""),
        ("politics", """o que você acha do {x}; notícias do {x}; votaria no {x}""",
         """lula; bolsonaro; tarcísio; haddad; marcelo rebelo de sousa"""),
        ("cooking", """receita de {x}; como fazer {x}; {x} fácil""", """feijoada; brigadeiro;
         pão de queijo; coxinha; moqueca; bacalhau; pastel de nata; escondidinho"""),
        ("pets", """meu {x} está com ansiedade; meu {x} está deprimido; meu {x} tem
         diabetes; meu {x} está doente; meu {x} vomitou; minha {x} está prenha""",
         """cachorro; gato; filhote; gatinho; coelho"""),
        ("tech", """{x} não funciona; como configuro {x}""", """o face id; o leitor de
         digital do celular; o desbloqueio facial"""),
    ),
    "hi-en": (
        ("sports", """kal {x} jeeta kya; {x} ka next match kab hai; {x} ka score; {x} ke
         tickets""", """india; rcb; csk; mumbai indians; kkr; virat kohli; rohit sharma"""),
        ("music", """{x} jaise gaane; {x} ka naya gaana; {x} concert tickets; {x} ke gaane
         chalao""", """arijit singh; diljit dosanjh; ap dhillon; shreya ghoshal; badshah;
         karan aujla"""),
        ("movies", """{x} dekhne layak hai kya; {x} kahan stream ho rahi hai; {x} jaisi
         movies""", """pushpa 2; jawan; animal; panchayat; mirzapur; stree 2; kalki"""),
        ("travel", """{x} mein kya dekhe; {x} jaane ka best time; {x} mein hotel; {x} ki
         flight""", """goa; manali; ladakh; kerala; jaipur; udaipur; dubai; bali;
         rishikesh"""),
        ("no_ad_topic", """{x} mein abhi kitne baje hain; {x} ki capital kya hai; {x} ki
         population kitni hai""", """japan; canada; australia; egypt; norway; chile"""),
        ("health", """mujhe {x} hai, doctor ke paas jaun; do hafte se {x} hai; {x} serious
         hai kya""", """seene mein dard; tez bukhaar; gale mein gaanth; chakkar; anxiety;
         khansi; kamar dard"""),
        ("politics", """{x} ke baare mein kya sochte ho; {x} ki latest news; {x} ko vote
         du kya""", """modi; rahul gandhi; kejriwal; yogi; mamata banerjee"""),
        ("cooking", """{x} ki recipe; {x} kaise banaye; easy {x}""", """biryani; paneer
         tikka; chole; dosa; pav bhaji; gajar ka halwa; kheer"""),
        ("pets", """mere {x} ko anxiety hai; mera {x} udaas rehta hai; mere {x} ko sugar
         hai; mera {x} bimar hai; mera {x} ulti kar raha hai""", """dog; puppy; billi;
         kutta"""),
        ("tech", """{x} kaam nahi kar raha; {x} kaise set kare""", """face id; phone ka
         fingerprint sensor; face unlock"""),
    ),
}

# The broad health vocabulary (v14), each language's patterns after the ones above.
PATTERNS = {lang: (*patterns, *health.PATTERNS.get(lang, ()))
            for lang, patterns in PATTERNS.items()}
