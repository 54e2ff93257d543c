"""English training vocabulary for the chat topic model: per topic, things (n), things to do
(d) and whole messages (m), plus hard negatives and the frames that combine them.

Entries are separated by ";" (parsed by `adlens.chat_corpus.parse`). Written for training
only: the generator (`adlens.chat_text`) never reads it.
"""

TOPICS: dict[str, dict[str, str]] = {
    "hiking": {
        "n": """hiking boots; trail runners for hiking; a day hike; trekking poles; a hiking
        backpack; the appalachian trail; the pacific crest trail; a hut to hut trek; hiking
        trails near me; a scenic hike with waterfalls; the inca trail to machu picchu; the west
        highland way; hiking socks; a hydration bladder; a hiking gps app like alltrails; a
        waterproof shell for hiking; a summit hike; a via ferrata; switchbacks; the grand canyon
        rim to rim hike; a trailhead with parking; hiking in the dolomites; a fell walk; a ridge
        walk; hiking gaiters; a trekking permit in nepal; everest base camp trek; the camino de
        santiago; blisters from hiking; a 20 mile hike""",
        "d": """break in new hiking boots; plan a multi day trek; train for a mountain hike;
        hike the west highland way; find good trails near me; pack for a day hike; hike
        safely alone; avoid blisters on a long hike; choose a hiking backpack; hike everest
        base camp; prepare for altitude on a trek; read a trail map; hike with a toddler;
        summit a 4000m peak; do the inca trail""",
        "m": """what's a good beginner hike near denver; how many miles can a beginner hike in a
        day; best hikes in yosemite for a weekend; is the angels landing hike scary; do i need
        a permit for half dome; trail runners or boots for the camino; what to wear hiking in
        the rain; how steep is the ben nevis path; recommend a hike with a lake at the end;
        my hiking boots give me blisters on the heel; what snacks to bring on a long hike;
        hiking poles worth it or nah; planning a trek in patagonia next spring""",
    },
    "running": {
        "n": """running shoes; a couch to 5k plan; a half marathon; a marathon training plan;
        a garmin forerunner; tempo runs; interval training for running; a running club;
        parkrun; trail running; a 10k race; carbon plated shoes; nike pegasus; hoka clifton;
        asics gel kayano; my running pace; a running vest; shin splints from running; runner's
        knee; a treadmill run; zone 2 running; a sub 2 hour half; the boston marathon; race day
        nutrition gels; a running belt; marathon taper""",
        "d": """run a faster 5k; train for my first marathon; start running again after a
        break; run a sub 50 10k; breathe better when running; pick running shoes for flat
        feet; increase my weekly mileage; stop getting side stitches; run in hot weather;
        qualify for boston; pace a half marathon; get into trail running; recover after a
        long run; run every day without injury""",
        "m": """how do i get faster at running; what pace should my easy runs be; is running
        5k every day good; my calves are so tight after running; best running shoes for wide
        feet; how many weeks to train for a half marathon; should i run on a treadmill or
        outside; what to eat before a morning run; new pb at parkrun today, how do i keep
        improving; is it ok to walk during a marathon; how do i pace my first 10k race""",
    },
    "fitness": {
        "n": """a gym membership; a workout plan; a push pull legs split; dumbbells; a
        kettlebell; a pull up bar; resistance bands; creatine; whey protein; a home gym;
        a rowing machine; a peloton bike; hiit workouts; crossfit; pilates; a personal
        trainer; calisthenics; a squat rack; leg day; abs workout; bench press form;
        deadlift form; progressive overload; a yoga class; a fitness tracker for workouts;
        pre workout; bulking and cutting; a six pack; gym shoes; a calorie deficit;
        losing belly fat;
        a step counter goal; a spin class; a treadmill for home; a smart scale""",
        "d": """build muscle; lose fat and gain muscle; get a six pack; do my first pull up;
        increase my bench press; work out at home; stay consistent at the gym; fix my squat
        form; get stronger; tone my arms; start lifting weights; bulk without getting fat;
        warm up before lifting; do a proper push up; get back in shape""",
        "m": """my legs are so sore after leg day; how do i avoid getting hurt lifting;
        i get gym anxiety, how do i feel less awkward at the gym; stretching routine for
        tight hips from sitting; how many sets and reps to build muscle;
        is it bad to skip leg day; best workout
        split for a beginner; how much protein per day to gain muscle; can i work out every
        day; how long should i rest between sets; is creatine worth taking; give me a 20
        minute hiit workout; how do i stop being sore after the gym; gym anxiety as a beginner,
        what should i do first; best exercises for a bigger chest""",
    },
    "cooking": {
        "n": """a recipe; dinner ideas; a lasagna; chicken breast recipes; a cast iron
        skillet; an instant pot; an air fryer; a stand mixer; sourdough bread; banana bread;
        meal prep; a vegetarian curry; homemade pizza dough; a chocolate cake; pancakes; a
        roast chicken; stir fry; a chef's knife; baking powder vs baking soda; a dutch oven;
        tacos; spaghetti carbonara; a thanksgiving turkey; ramen; chili; cookies; a quiche;
        salad dressing; leftovers; a slow cooker; christmas dinner; a thanksgiving menu;
        halloween treats; easter brunch; a gluten free cake; a protein smoothie; a low carb
        dinner""",
        "d": """cook rice perfectly; make pasta from scratch; bake sourdough; sear a steak;
        make a birthday cake; cook dinner for 8 people; use my air fryer; make pizza at home;
        fix a salty soup; meal prep for the week; make gravy; bake cookies without eggs;
        sharpen a kitchen knife; cook salmon in the oven; make a curry from scratch""",
        "m": """what can i make with chicken, rice and broccoli; how long to boil an egg; easy
        dinner for tonight, i'm tired; how do i make my cookies chewy; what temperature to
        bake chicken thighs; recipe for a vegan chocolate cake; substitute for eggs in
        baking; how to thicken a sauce; why is my bread so dense; what goes well with salmon
        for dinner; is it safe to eat leftover rice; how much pasta per person""",
    },
    "coffee": {
        "n": """an espresso machine; a coffee grinder; a french press; a pour over; a chemex;
        an aeropress; a moka pot; coffee beans; a nespresso; a breville barista express;
        cold brew; latte art; a milk frother; a flat white; oat milk latte; decaf coffee;
        a coffee subscription; single origin beans; a keurig; iced coffee; a cappuccino;
        espresso shots; dark roast; a v60""",
        "d": """make espresso at home; dial in my grinder; make cold brew; steam milk for a
        latte; make pour over coffee; clean my espresso machine; descale a keurig; brew
        better coffee; make iced coffee; store coffee beans""",
        "m": """why is my coffee so bitter; best coffee beans for espresso; how much caffeine
        in a shot of espresso; nespresso or a real espresso machine; what grind size for a
        french press; how to make coffee without a machine; my espresso is watery, help;
        best budget burr grinder; difference between latte and cappuccino""",
    },
    "travel": {
        "n": """cheap flights; a hotel; an airbnb; a road trip; a travel itinerary; a city
        break; a beach vacation; a honeymoon destination; a travel backpack; a carry on;
        travel insurance; a passport renewal; a schengen visa; an all inclusive resort;
        a cruise; a layover; a rental car abroad; things to do in paris; a trip to japan;
        bali; iceland; a weekend in new york; the amalfi coast; a ryokan; a hostel;
        frequent flyer miles; airport lounges; jet lag; a backpacking trip in southeast asia""",
        "d": """plan a trip to italy; find cheap flights; pack light for two weeks; get a
        visa for vietnam; book a hotel in barcelona; travel on a budget; beat jet lag;
        plan a honeymoon; get from the airport to the city; use points for flights; plan
        a road trip across the us; travel with a baby; spend 3 days in rome""",
        "m": """what's the best time to visit greece; is tokyo expensive for tourists; 7 day
        itinerary for portugal please; where should we go for a long weekend in europe;
        do i need travel insurance for a week in mexico; cheapest day to book flights;
        what to see in lisbon in 2 days; how early should i arrive for an international
        flight; is it safe to travel to egypt now; best area to stay in london""",
    },
    "gaming": {
        "n": """a ps5; an xbox series x; a nintendo switch; a gaming pc; a graphics card;
        an rtx 4070; a gaming monitor; a gaming headset; a controller; steam deck; elden
        ring; zelda tears of the kingdom; minecraft; fortnite; call of duty; valorant;
        league of legends; baldur's gate 3; game pass; a gaming chair; a mechanical
        keyboard; gta 6; pokemon; roblox; speedrunning; co op games; an rpg; a boss fight""",
        "d": """beat the final boss; build a gaming pc; get better at valorant; stream on
        twitch; fix fps drops; rank up in league; set up a switch for my kid; find
        the hidden items in zelda; play with friends online; upgrade my graphics card""",
        "m": """best co op games on switch; ps5 or xbox for a 12 year old; is elden ring too
        hard for a beginner; my game keeps crashing on steam; good games like skyrim;
        what graphics card for 1440p gaming; when does gta 6 come out; how do i beat this
        boss i keep dying; best settings for warzone; is game pass worth it""",
    },
    "fashion": {
        "n": """a winter coat; jeans; sneakers; a suit; a dress for a wedding; an outfit;
        a capsule wardrobe; a leather jacket; chelsea boots; a trench coat; streetwear;
        a hoodie; a blazer; linen shirts; a handbag; a watch; sunglasses; heels; a
        puffer jacket; vintage clothes; a tie; cargo pants; a skirt; zara; uniqlo;
        old money style; a wedding guest outfit""",
        "d": """dress for a job interview; style white sneakers; find jeans that fit; dress
        better as a guy; build a capsule wardrobe; pick a suit for a wedding; dress for
        a cold city trip; match colours in an outfit; find my style; dress for my body
        type""",
        "m": """what should i wear to a summer wedding; do brown shoes go with a black suit;
        outfit ideas for a first date; how should a blazer fit; are skinny jeans out of
        style; what colour shirt with navy pants; best brands for basic t shirts; smart
        casual dress code meaning for men; what to wear to a concert in winter""",
    },
    "beauty": {
        "n": """a skincare routine; moisturizer; sunscreen; retinol; niacinamide; a vitamin c
        serum; foundation; concealer; mascara; lipstick; a hair dryer; a straightener;
        a curling iron; shampoo; conditioner; a hair mask; acne products; a face wash;
        the ordinary; cerave; a perfume; nail polish; gel nails; eyelash extensions;
        a haircut; hair dye; dark circles; pores; a face mask; acne scars; a shampoo for
        thinning hair; wrinkles; dark spots; self tanner; a lip balm""",
        "d": """get clear skin; cover dark circles; stop frizzy hair; do a simple makeup look;
        choose a foundation shade; grow my hair faster; layer skincare products; dye my
        hair at home; get rid of blackheads; make my perfume last longer""",
        "m": """what's a good skincare routine for oily skin; which sunscreen doesn't leave a
        white cast; can i use retinol every night; best drugstore mascara; how often should
        i wash my hair; my skin is so dry and flaky; what haircut suits a round face; how
        to fix orange hair after bleaching; best perfume under 100""",
    },
    "pets": {
        "n": """a puppy; a kitten; dog food; cat food; a dog trainer; a cat tree; a litter
        box; a dog harness; a leash; a crate; a vet; pet insurance; a rescue dog; a golden
        retriever; a french bulldog; a hamster; a rabbit; a bird cage; an aquarium; flea
        treatment; dog treats; a dog walker; a pet sitter; my dog's vaccines; cat litter""",
        "d": """potty train a puppy; stop my dog pulling on the leash; introduce two cats;
        crate train a dog; trim my dog's nails; get my cat to use the litter box; choose a
        dog breed; keep my dog calm during fireworks; teach my dog to sit; travel with a
        cat""",
        "m": """my dog ate chocolate what do i do; why does my cat bite me; how often to
        walk a husky; best food for a senior dog; my puppy cries all night in the crate;
        is it normal for my cat to sleep all day; my dog keeps scratching his ears; how much
        should a kitten eat; should i get pet insurance; my dog is limping, should i see the
        vet""",
    },
    "parenting": {
        "n": """a newborn; a toddler; a baby stroller; a car seat; a baby monitor; diapers;
        formula; breastfeeding; a high chair; baby food; a crib; sleep training; a
        pediatrician; daycare; a nanny; potty training; tantrums; screen time for kids;
        a kids birthday party; homework; a teenager; baby clothes; toys for a 2 year old;
        a halloween costume for my toddler; a letter from santa; an advent calendar for kids;
        a baby carrier; school lunches""",
        "d": """get my baby to sleep through the night; potty train a toddler; handle
        tantrums; choose a daycare; start solid foods; get my kid to eat vegetables; limit
        screen time; talk to my teen; plan a kids party; help my kid with reading""",
        "m": """baby sleep regression at 4 months, help; my toddler wakes up at 5am every
        day; how do i get my newborn to nap longer; my baby is teething and fussy, any toys
        that help; my son is anxious about starting school, how can i help him settle in;
        my 3 year old won't listen, what do i do; how much should a 6 month old
        sleep; best stroller for city living; when do babies start talking; how do i stop
        my toddler from biting; is it ok to give my kid a phone at 10; fun things to do
        with kids on a rainy day; my teenager is always on their phone; baby won't take a
        bottle""",
    },
    "personal_finance": {
        "n": """a budget; a savings account; an emergency fund; a credit card; my credit
        score; student loans; a mortgage; a roth ira; a 401k; index funds; an etf; the
        s&p 500; stocks; crypto; bitcoin; a financial advisor; taxes; a tax refund; debt
        consolidation; a personal loan; compound interest; dividends; retirement savings;
        a high yield savings account; an isa; a pension""",
        "d": """save money; pay off credit card debt; build my credit score; start investing;
        budget on a low income; save for a house; retire early; file my taxes; invest in
        index funds; get out of debt; save for my kid's college; choose a credit card""",
        "m": """how much should i save each month; is it better to rent or buy; should i pay
        off debt or invest first; how does a roth ira work; what's a good credit score;
        how do i start investing with 100 dollars; is bitcoin a good investment; what's
        the 50 30 20 rule; how much do i need to retire; can i get a mortgage with bad
        credit""",
    },
    "cars": {
        "n": """a new car; a used car; an electric car; a tesla; a hybrid; car insurance;
        an oil change; tires; brakes; a car lease; a car loan; a suv; a pickup truck;
        a minivan; a toyota rav4; a honda civic; my car battery; a check engine light;
        a car wash; a dashcam; an ev charger; transmission fluid; a mechanic; a road
        test; car detailing""",
        "d": """buy a used car; negotiate a car price; change a flat tire; jump start my car;
        lower my car insurance; charge an ev at home; check my tire pressure; sell my car;
        maintain my car; lease a car""",
        "m": """should i buy or lease a car; best used cars under 15k; my car makes a
        grinding noise when braking; how often should i change my oil; are electric cars
        worth it; what's the most reliable suv; my check engine light is on; how long do
        car batteries last; best family car with good mpg; is a 100k mile car ok to buy""",
    },
    "tech": {
        "n": """a new phone; an iphone; a samsung galaxy; a pixel; a laptop; a macbook; a
        windows pc; a tablet; an ipad; airpods; wireless earbuds; a smartwatch; an apple
        watch; a wifi router; a smart tv; a monitor; a keyboard; a mouse; a printer; an
        external hard drive; icloud storage; a vpn; a password manager; bluetooth; a
        charger; a usb c cable; a phone case; a smart speaker; android; a chromebook;
        software updates; a new smart tv remote""",
        "d": """speed up my laptop; fix my wifi; back up my phone; transfer data to a new
        phone; connect bluetooth headphones; reset my password; free up storage; set up
        a printer; protect my phone from viruses; choose a laptop for college; fix a
        cracked screen; pair my car's bluetooth; install windows updates""",
        "m": """iphone or android; my phone battery dies so fast; best laptop for under 800;
        why is my wifi so slow; how do i take a screenshot on a mac; airpods pro worth it;
        my laptop keeps overheating; what's the best budget phone; how to fix a phone that
        won't charge; my bluetooth won't connect; which smartwatch works with android""",
    },
    "music": {
        "n": """a concert; concert tickets; a music festival; spotify; a playlist; a guitar;
        an acoustic guitar; an electric guitar; a piano; a keyboard for beginners; a
        ukulele; drums; singing lessons; vinyl records; a turntable; headphones for music;
        taylor swift; the eras tour; coldplay; kpop; bts; hip hop; jazz; a new album;
        lyrics; a band; a dj set; music production; ableton""",
        "d": """learn guitar; play piano by ear; sing better; make beats; find new music;
        get concert tickets; write a song; read sheet music; tune a guitar; start a band""",
        "m": """songs similar to bohemian rhapsody; best albums of this year; who sings this
        song; make me a chill playlist for studying; how long to learn piano; best guitar
        for beginners; when does the new taylor swift album come out; festival lineup for
        coachella; good songs for a wedding first dance; what's a good cheap keyboard to
        learn on""",
    },
    "movies": {
        "n": """a movie; a film; a tv show; a series; netflix; disney plus; hbo max; prime
        video; a horror movie; a rom com; a documentary; the oscars; marvel movies; star
        wars; a movie theater; imax; a trailer; a sequel; an anime series; a director; a
        movie night; popcorn; a film festival; a k drama""",
        "d": """find something to watch tonight; watch the marvel movies in order; get
        cheaper movie tickets; set up a home theater; watch movies with friends online;
        understand the ending of a movie""",
        "m": """what should i watch tonight; movies like inception; best horror movies of all
        time; is the new dune movie good; shows like breaking bad; explain the ending of
        interstellar; what's on netflix this weekend; good movies for a date night;
        best christmas movies for families; when does the next avatar come out""",
    },
    "books": {
        "n": """a book; a novel; a kindle; audiobooks; audible; a book club; a fantasy
        series; a romance novel; a thriller; a mystery novel; a biography; a self help
        book; poetry; a library card; a used bookstore; a reading list; booktok; a
        paperback; harry potter; lord of the rings; stephen king; a classic novel; a
        graphic novel; a book series""",
        "d": """read more books; find my next book; start a book club; get into reading
        again; read faster; write a book review; choose a book for my dad""",
        "m": """books like the hunger games; best fantasy books for beginners; what should
        i read next; good thriller with a twist; is the kindle worth it; best books of
        2025; short novels i can finish in a weekend; good audiobooks for a road trip;
        books like it ends with us; classic books everyone should read""",
    },
    "sports": {
        "n": """football; soccer; the premier league; the nba; the nfl; the world cup; the
        champions league; baseball; tennis; golf; formula 1; cricket; the super bowl;
        basketball; a match; the playoffs; fantasy football; a sports bar; season
        tickets; a jersey; pickleball; padel; skiing; boxing; the ufc; the olympics;
        a transfer rumour""",
        "d": """get better at tennis; improve my golf swing; watch the game tonight; get
        tickets to a match; join a soccer team; learn to ski; play pickleball""",
        "m": """who won the game last night; when is the next f1 race; who will win the
        premier league; nba standings; what channel is the match on; is messi playing
        tonight; best golf clubs for a beginner; how does the offside rule work; who is
        the goat lebron or jordan; what time is the super bowl""",
    },
    "home_garden": {
        "n": """a couch; a sofa; a mattress; a bed frame; a rug; curtains; a dining table;
        a bookshelf; paint colors; a kitchen remodel; a bathroom renovation; a leaky
        faucet; a dishwasher; a washing machine; a vacuum; a robot vacuum; an air
        purifier; a dehumidifier; mold; a fence; a patio; a deck; a garage; tools; a
        drill; ikea furniture; home decor; a smart thermostat; cleaning products; a
        christmas tree; christmas lights; halloween decorations; a weighted blanket; a
        new pillow; a bedroom makeover""",
        "d": """fix a leaky faucet; paint a room; hang a shelf; unclog a drain; get rid of
        mold; decorate a small apartment; clean my oven; organize my closet; remove a
        stain from the carpet; build a deck; choose a mattress; redo my kitchen""",
        "m": """what color should i paint my living room; best robot vacuum for pet hair;
        how do i unclog a toilet without a plunger; how to make a small room look bigger;
        is a memory foam mattress worth it; my dishwasher isn't draining; how to get rid
        of mold in the shower; cheap ways to update my kitchen; best way to clean
        grout""",
    },
    "photography": {
        "n": """a camera; a dslr; a mirrorless camera; a canon; a nikon; a sony a7; a
        fujifilm; a lens; a 50mm lens; a tripod; lightroom; photoshop; raw files; a
        photo shoot; portrait photography; landscape photography; street photography;
        film photography; a drone; a gopro; shutter speed; aperture; iso; golden hour""",
        "d": """take better photos; edit photos in lightroom; shoot in manual mode; take
        pictures of the night sky; blur the background; take photos of my kids; start a
        photography business; choose a first camera""",
        "m": """best camera for beginners; what lens for portraits; how do i take sharp
        photos; canon or sony for video; how to photograph the milky way; what settings
        for sports photography; is a used dslr worth it; how to edit photos like a
        pro; best camera under 1000""",
    },
    "gardening": {
        "n": """a vegetable garden; tomatoes; a raised bed; seeds; potting soil;
        fertilizer; compost; a lawn; grass seed; weeds; houseplants; a monstera; a
        succulent; a fiddle leaf fig; herbs; roses; tulip bulbs; a greenhouse; pruning
        shears; aphids; a lawn mower; mulch; a garden hose; an orchid; a snake plant""",
        "d": """grow tomatoes; start a vegetable garden; get rid of weeds; keep my
        houseplants alive; repot a plant; prune roses; grow herbs indoors; plant bulbs;
        get rid of aphids; make compost; grow a better lawn""",
        "m": """why are my plant's leaves turning brown; when should i plant tomatoes; how
        often should i water succulents; best plants for a shady garden; how to get rid
        of slugs; my monstera has yellow leaves; what vegetables grow in winter; how do
        i revive a dying plant; is this plant safe for cats""",
    },
    "cycling": {
        "n": """a bike; a road bike; a mountain bike; an e bike; a gravel bike; a bike
        helmet; a bike lock; bike lights; cycling shoes; clipless pedals; a bike
        computer; a turbo trainer; zwift; bike tires; a bike chain; a bike shop; a
        commuter bike; a cargo bike; the tour de france; a cycling jersey; a bike
        rack""",
        "d": """fix a flat tire on my bike; adjust my bike gears; choose a road bike;
        start cycling to work; cycle longer distances; clean my bike chain; ride in
        traffic safely; train for a century ride""",
        "m": """what size bike do i need; best e bike for commuting; road bike or gravel
        bike; my bike chain keeps falling off; how much should i spend on a first road
        bike; what tire pressure for my mountain bike; is zwift worth it; how to ride
        clipless pedals; best bike lock for the city""",
    },
    "wine": {
        "n": """wine; red wine; white wine; rosé; champagne; prosecco; a pinot noir; a
        cabernet sauvignon; a chardonnay; a sauvignon blanc; a merlot; a malbec; a
        wine tasting; a vineyard; napa valley; a wine cellar; a wine club; a
        sommelier; natural wine; a corkscrew; wine glasses; a bottle of wine""",
        "d": """pick a wine for dinner; pair wine with food; store wine; learn about wine;
        open champagne; plan a wine tasting""",
        "m": """what wine goes with pasta; good red wine under 20; how long does wine last
        after opening; best wine for a gift; difference between champagne and prosecco;
        is it ok to put red wine in the fridge; dry white wine recommendations; what
        wine pairs with turkey""",
    },
    "camping": {
        "n": """a tent; a sleeping bag; a sleeping pad; a camping stove; a campsite; a
        campground; an rv; a camper van; glamping; a hammock; a cooler; a camping
        chair; a lantern; a headlamp; a campfire; backpacking gear; a bear canister;
        a water filter; s'mores; a rooftop tent; car camping""",
        "d": """go camping for the first time; set up a tent; stay warm camping; camp
        with kids; cook while camping; find a campsite; keep bears away; go wild
        camping""",
        "m": """camping checklist for a weekend; best tent for 4 people; how do i stay warm
        in a tent; what food to bring camping; best campgrounds near yosemite; is it
        safe to camp alone; how to keep a cooler cold longer; best sleeping pad for side
        sleepers""",
    },
    "religion": {
        "n": """church; the bible; prayer; god; jesus; the quran; a mosque; ramadan; eid;
        salah; hajj; a synagogue; shabbat; passover; kosher food; halal food; a rabbi;
        a priest; confession; baptism; the rosary; lent; easter mass; hinduism; a
        temple puja; karma and reincarnation; buddhism; meditation as a buddhist; the
        sikh gurdwara; my faith; converting religions; a bible verse; sunday service""",
        "d": """pray; read the bible; find a church; practice my faith; fast during
        ramadan; keep kosher; convert to islam; raise my kids catholic; find a halal
        restaurant; celebrate passover; go to confession; explain my religion to my
        kids""",
        "m": """what does the bible say about anger; how do i pray properly; is it a sin
        to miss church; what time is iftar today; halal restaurants near me; can muslims
        eat gelatin; what's the difference between catholic and protestant; how do
        i find a church near me; bible verses for hard times; how to explain god to a
        child; i'm losing my faith""",
    },
    "sexual_orientation": {
        "n": """being gay; being lesbian; being bisexual; being queer; coming out; lgbtq
        support; pride; a gay bar; lgbtq friendly places; same sex marriage; my
        sexuality; gay dating apps; a lesbian couple; being pansexual; being asexual;
        a queer community; my girlfriend and i as a lesbian couple; gay rights""",
        "d": """come out to my parents; find lgbtq friends; accept my sexuality; tell my
        friends i'm gay; find gay friendly travel; support my gay son; date as a
        bisexual woman; find a queer community""",
        "m": """how do i know if i'm gay; i think i might be bi; how to come out to
        religious parents; gay friendly hotels in mexico; is it normal to question my
        sexuality; how to support a friend who came out; lesbian bars in chicago; my
        parents don't accept that i'm gay; am i asexual""",
    },
    "politics": {
        "n": """the election; voting; a political party; democrats; republicans; the
        president; congress; the senate; a politician; a protest; immigration policy;
        abortion laws; gun control; taxes policy; the government; a candidate; the
        polls; a debate; the prime minister; labour and the tories; left wing; right
        wing; a referendum; the supreme court; a petition""",
        "d": """register to vote; decide who to vote for; contact my senator; understand
        the election; join a protest; follow politics; compare candidates""",
        "m": """who should i vote for; what are the main differences between the parties;
        when is the next election; is the president doing a good job; what is the
        new immigration bill; how do i register to
        vote; which party is better for the economy; what's happening in congress""",
    },
    "health": {
        "n": """a headache; a migraine; anxiety; depression; my mental health; a
        therapist; therapy; a doctor; symptoms; blood pressure; diabetes; cholesterol;
        cancer; a lump; a rash; a fever; covid; the flu; antibiotics; ibuprofen;
        antidepressants; insomnia; adhd; autism; pregnancy; my period; pcos;
        menopause; back pain; chest pain; an std test; a diagnosis; medication side
        effects; my blood test results; panic attacks; ozempic; weight loss
        medication; an eating disorder;
        lupus; gout; multiple sclerosis; parkinson's; alzheimer's; dementia; epilepsy; copd;
        leukemia; lymphoma; hepatitis; hiv; herpes; shingles; eczema; psoriasis; thyroid
        problems; kidney stones; gallstones; ibs; crohn's disease; celiac disease; sciatica;
        vertigo; tinnitus; glaucoma; cataracts; endometriosis; fibroids; anemia; sickle cell;
        pneumonia; a stroke; a heart attack; heart disease; bipolar disorder; schizophrenia;
        ocd; ptsd; osteoporosis; fibromyalgia; arthritis""",
        "d": """stop a panic attack; lower my blood pressure; sleep better with insomnia;
        deal with depression; find a therapist; manage my anxiety; get pregnant; treat a
        migraine; manage diabetes; get an adhd diagnosis; cope with grief; quit
        smoking""",
        "m": """i think i'm depressed; i feel anxious all the time; is this mole cancer;
        why do i have a headache every day; what are symptoms of diabetes; can i take
        ibuprofen while pregnant; i've had a fever for 3 days; my chest hurts when i
        breathe; how do i know if i have adhd; side effects of sertraline; i can't
        stop crying; how to tell my doctor i'm struggling; is my blood pressure too
        high; i have a weird rash on my arm""",
    },
    "ethnicity": {
        "n": """my heritage; my ancestry; racism; discrimination; being mixed race;
        black history; my culture; asian american identity; latino identity;
        indigenous people; my ethnic background; a hate crime; microaggressions; racial
        profiling; my roots; jewish heritage; immigrant identity""",
        "d": """deal with racism at work; learn about my heritage; talk to my kids about
        race; connect with my culture; respond to a racist comment; report
        discrimination""",
        "m": """how do i deal with racist coworkers; what does it mean to be mixed race;
        i feel like i don't fit in with my culture; how to teach kids about racism;
        is this a microaggression; where can i learn about my indigenous heritage; i
        was racially profiled at a store""",
    },
    "philosophy": {
        "n": """the meaning of life; free will; stoicism; existentialism; nihilism;
        morality; ethics; consciousness; plato; aristotle; kant; nietzsche; socrates;
        marcus aurelius; utilitarianism; the trolley problem; determinism; atheism;
        the simulation theory; philosophy books""",
        "d": """find meaning in life; live like a stoic; understand existentialism;
        think about death; be a better person""",
        "m": """what is the meaning of life; do we have free will; is morality objective;
        what would a stoic do; what did nietzsche mean by god is dead; is it wrong to
        lie to protect someone; what is consciousness; why is there something rather
        than nothing""",
    },
    "trade_union": {
        "n": """a union; a labor union; a trade union; a strike; a picket line; union dues;
        a union rep; collective bargaining; a union contract; organizing a union;
        workers' rights; a walkout; the teamsters; a shop steward""",
        "d": """join a union; start a union at work; go on strike; talk to my union rep;
        organize my coworkers""",
        "m": """can i be fired for joining a union; how does a strike work; is the union
        worth the dues; how do we unionize our workplace; what happens if my union goes
        on strike; can my boss stop us from forming a union""",
    },
    "genetics": {
        "n": """a dna test; 23andme; ancestry dna; genetic testing; a genetic disorder;
        the brca gene; a genetic counselor; hereditary disease; my genome; carrier
        screening""",
        "d": """get genetic testing; read my dna results; find out if a disease is
        hereditary""",
        "m": """is 23andme accurate; should i get tested for the brca gene; what does it
        mean if i'm a carrier; can genetic testing show cancer risk""",
    },
    "biometrics": {
        "n": """face id; fingerprint data; facial recognition; an iris scan; my biometric
        data; voice id; palm recognition""",
        "d": """delete my biometric data; turn off facial recognition; protect my
        fingerprint data""",
        "m": """who stores my face id data; is facial recognition legal in stores; can
        apps sell my fingerprint data; is it safe to pay with my palm""",
    },
    "sex_life": {
        "n": """sex; my libido; condoms; birth control; erectile dysfunction; an
        orgasm; sex toys; foreplay; my sex life; intimacy with my partner""",
        "d": """improve my sex life; last longer in bed; talk about sex with my partner;
        get my libido back""",
        "m": """is it normal to not want sex; how to spice things up in bed; why can't i
        finish during sex; how often do couples have sex""",
    },
    "no_ad_topic": {
        "n": """an email to my boss; a cover letter; my resume; an essay; a poem; a
        speech; a thank you note; a paragraph; a summary; a text message; a story for
        my kid; a birthday message; a linkedin post; a complaint letter; my homework;
        a math problem; a riddle; a joke; a fun fact; a definition; a translation; a
        reminder; a to do list; an sql query; a python function; a regex; a
        spreadsheet formula; a bash script""",
        "d": """write an email; fix my grammar; summarize an article; translate a sentence;
        solve an equation; write a poem; make a to do list; set a reminder; explain a
        concept simply; convert units; write a cover letter; reverse a list in python;
        center a div in css; calculate a tip; rephrase a sentence""",
        "m": """why is the sky blue; what's the capital of canada; how many feet in a mile;
        what's 15 percent of 80; translate good morning into italian; who invented the
        lightbulb; what year did ww2 end; tell me a joke; what's the meaning of the
        word serendipity; how do magnets work; what time is it in tokyo; how many
        continents are there; convert 5 km to miles; remind me to call mom at 6; why do
        we yawn; what's the difference between weather and climate; how do i say
        excuse me in french; how old is the universe; what's the longest river in the
        world; write a limerick about a cat; help me name my new project; what day of
        the week was july 4 1990; how do i write a for loop in javascript; what does
        this error mean: index out of range; explain recursion to me like i'm five;
        can you proofread this; make this email sound less rude; summarize this in one
        sentence; what's the square root of 2; who was cleopatra; how do clouds form;
        what rhymes with orange; solve 3x + 5 = 20; give me a random number between 1
        and 10; spell rhythm""",
    },
}

# Frames around a thing (n); {n2} is a second thing of the same topic.
NOUN_FRAMES = """{n}; {n}?; best {n}; best {n} right now; recommend {n}; any good {n}?; {n}
recommendations; which {n} should i get; is {n} worth it; {n} worth the money?; cheap {n};
{n} under 100 bucks; where can i buy {n}; {n} near me; looking for {n}; need {n} asap;
thoughts on {n}?; pros and cons of {n}; {n} vs {n2}; {n} or {n2}?; compare {n} and {n2};
tell me about {n}; what's the deal with {n}; i just got {n}, now what; how do i choose {n};
help me pick {n}; {n} for a beginner; what should i know about {n}; is {n} overrated; ok so
{n}. thoughts?; i need some advice on {n}; can you explain {n}; everything i need to know
about {n}; i'm obsessed with {n} lately; been reading about {n}; question about {n}; {n}
help; {n} tips; can u tell me about {n}; wat do u think of {n}; got any ideas for {n}; my
friend keeps talking about {n}, is it worth it; need help with {n} pls; so confused about
{n}; quick question about {n}; {n} and {n2}, what should i know; i'm so stressed about {n};
i'm worried about {n}; i'm
nervous about {n}, help; honestly i feel overwhelmed by {n}; my partner and i keep arguing
about {n}; i feel stupid asking but what is {n}; i need {n} and i'm freaking out a bit; i'm
scared i picked the wrong {n}; i've been anxious about {n} all week; i feel like {n} is too
expensive for me; my mom thinks {n} is a waste of money, is she right; i regret buying {n},
what now; i'm embarrassed to ask about {n}""".replace("\n", " ")

# Frames around something to do (d).
DOING_FRAMES = """how do i {d}; how to {d}; how can i {d}; what's the best way to {d}; can you
help me {d}; i want to {d}; i wanna {d}; trying to {d}, any tips?; tips to {d}; is it hard to
{d}; i need to {d} this weekend; steps to {d}; explain how to {d}; should i {d}; first time
trying to {d}; how long does it take to {d}; what do i need to {d}; help me {d}; how do
people {d}; i'm trying to {d} but it's not working; easiest way to {d}; ways to {d}; any
advice on how to {d}; i've never tried to {d} before, where do i start; how would you {d};
teach me to {d}; i'm stressed because i need to {d}; i'm nervous to {d}; i feel like a
failure because i can't {d}; i've been struggling to {d} for months; my husband wants to {d},
should we; i'm scared to {d} alone; i want to {d} but i'm anxious about it; is it normal
to find it hard to {d}; i feel overwhelmed trying to {d}""".replace("\n", " ")

# Rambling context before a message, and chatty endings.
PREFIXES = """ok so; so; hey; hi; hey meta; hey meta,; hey meta um; um; uh so; quick question,;
random question but; sorry if this is dumb but; not sure if you can help but; genuinely
asking,; ok weird question,; long story short,; my friend and i were arguing and; i've been
thinking about this all day,; it's 2am and i'm wondering,; so my week has been crazy and;
question for you:; need your help,; real talk,; lol ok; yo; hello,; good morning,; before i
forget,; ngl; honestly; i've had a rough week and; my family is visiting next week and; i
just moved to a new city and; my kid's birthday is coming up and; we're on a tight budget
this month and; i'm trying to treat myself more and; my wife says i'm obsessed but; i feel
silly asking but; i'm kind of embarrassed but; my boss is driving me crazy so; my friends
all have this and; i'm bored out of my mind so; i've been feeling low lately and want
something fun, so""".replace("\n", " ")
SUFFIXES = """thanks; thank you; thx; ty; pls; please; asap; lol; haha; ??; !!; in simple
words; keep it short; be honest; any ideas?; what do you think?; help; thanks in advance;
idk; tbh; rn""".replace("\n", " ")
# Word swaps people make when they type fast or casually.
SLANG = (("you", "u"), ("your", "ur"), ("right now", "rn"), ("going to", "gonna"),
         ("want to", "wanna"), ("please", "pls"), ("thanks", "thx"), ("because", "cuz"),
         ("probably", "prob"), ("recommend", "rec"), ("what", "wat"), ("really", "rly"),
         ("with", "w"), ("about", "abt"), ("something", "smth"), ("don't", "dont"),
         ("i'm", "im"), ("what's", "whats"), ("okay", "ok"), ("though", "tho"))
VOICE_FILLERS = ("um", "uh", "like", "so", "you know", "hmm")
# Glasses: the person points at something.
LOOK_PREFIXES = """hey meta look at this,; hey meta what is this; look and tell me; hey meta
what am i looking at,; hey meta take a look""".replace("\n", " ")
# Ways to join two messages about different things.
JOINERS = (" and also ", ". also ", ", oh and ", ". btw ", " and ", ". separate question: ",
           "! also ", " plus ")

# Messages that borrow a topic word in another sense, with their real label.
HARD_NEGATIVES: tuple[tuple[str, str], ...] = (
    ("how do i kill a python process on linux", "no_ad_topic"),
    ("how do i run a python script from the terminal", "no_ad_topic"),
    ("my fitness tracker's battery drains overnight", "tech"),
    ("my car's bluetooth won't pair with my phone", "tech"),
    ("my fitbit won't sync with my phone", "tech"),
    ("apple watch stuck on the apple logo", "tech"),
    ("what's the running total formula in excel", "no_ad_topic"),
    ("my laptop has a virus, how do i remove it", "tech"),
    ("best budget phone for a pensioner", "tech"),
    ("god of war ragnarok tips for the final boss", "gaming"),
    ("is god of war good for beginners", "gaming"),
    ("temple run high score tricks", "gaming"),
    ("how do i get the holy grail item in the game", "gaming"),
    ("best spirit level for hanging pictures", "home_garden"),
    ("soul music playlist for a sunday morning", "music"),
    ("best gospel choirs to listen to", "music"),
    ("nirvana's best albums", "music"),
    ("karma police chords on guitar", "music"),
    ("faith no more songs like epic", "music"),
    ("the best pride and prejudice film adaptation", "movies"),
    ("is the movie conclave worth watching", "movies"),
    ("indiana jones and the last crusade streaming", "movies"),
    ("the best heaven themed bakery near me", "cooking"),
    ("angel food cake recipe", "cooking"),
    ("deviled eggs recipe for a party", "cooking"),
    ("how do i make blood orange sorbet", "cooking"),
    ("pressure cooker chicken recipe", "cooking"),
    ("buddha bowl ideas for lunch", "cooking"),
    ("union square hotels in san francisco", "travel"),
    ("cheap flights to salt lake city for a ski trip", "travel"),
    ("what to see at the vatican museums, tickets and hours", "travel"),
    ("best time to visit angkor wat temples with kids", "travel"),
    ("muscle mass gain without supplements", "fitness"),
    ("yoga for flexibility for beginners", "fitness"),
    ("heart rate zones for easy runs", "running"),
    ("strike a pose photography tips for portraits", "photography"),
    ("bowling tips for getting more strikes", "sports"),
    ("the lions won by a landslide last night", "sports"),
    ("party dress ideas for new year's eve", "fashion"),
    ("black dress with what shoes", "fashion"),
    ("christian louboutin heels on sale", "fashion"),
    ("campaign mode in halo infinite is it worth it", "gaming"),
    ("retail therapy ideas, best online stores for shoes", "fashion"),
    ("my dog seems depressed after we moved, is that normal", "pets"),
    ("my cat is sick and won't eat", "pets"),
    ("my tomato plant looks sick, what disease is it", "gardening"),
    ("my car battery is dead", "cars"),
    ("tire pressure light keeps coming on", "cars"),
    ("my bike has a race saddle that hurts", "cycling"),
    ("race car bed for a toddler", "parenting"),
    ("a trip to the european union's capital brussels", "travel"),
    ("how do i use union in sql", "no_ad_topic"),
    ("what does a left join do in sql", "no_ad_topic"),
    ("is the right click broken on my mouse", "tech"),
    ("vote for the best photo in my camera club", "photography"),
    ("the economic depression of 1929 explained for my homework", "no_ad_topic"),
    ("what is the meaning of the word ubiquitous", "no_ad_topic"),
    ("what does the word gay originally mean in old poems", "no_ad_topic"),
    ("what's the history of the word quarantine", "no_ad_topic"),
    ("korean skincare routine for oily skin", "beauty"),
    ("indian butter chicken recipe", "cooking"),
    ("mexican restaurant near me with good tacos", "cooking"),
    ("african safari trip ideas in kenya", "travel"),
    ("japanese denim brands", "fashion"),
    ("chinese new year recipes for dumplings", "cooking"),
    ("irish pubs with live music in boston", "music"),
    ("the doctor who christmas special", "movies"),
    ("a doctor's bag style handbag", "fashion"),
    ("my plant doctor app says root rot", "gardening"),
    ("the patient gardener's guide to perennials", "gardening"),
    ("best anti virus for mac", "tech"),
    ("is my phone's battery health at 80 percent bad", "tech"),
    ("screen time report on my iphone", "tech"),
    ("wellness retreat in bali, where to stay", "travel"),
    ("the economist subscription is it worth it", "books"),
    ("the best philosophy of coffee brewing, light or dark", "coffee"),
    ("my running shoes squeak", "running"),
    ("cross training for runners", "running"),
    ("holy guacamole that's a lot of tabs open on chrome, how do i fix the memory", "tech"),
    ("christmas gift for my dad who likes golf", "sports"),
    ("easter egg hunt ideas for toddlers", "parenting"),
    ("diwali sweets recipe for guests", "cooking"),
    ("halloween costume ideas for my kid", "parenting"),
    ("thanksgiving turkey cooking time", "cooking"),
    ("ramen near me open late", "cooking"),
    ("mass effect trilogy play order", "gaming"),
    ("the good place series ending explained", "movies"),
    ("a bible of sourdough baking, any book recommendations", "books"),
    ("what's the best bag for my mat for hot yoga class", "fitness"),
    ("best sunscreen for a beach holiday", "beauty"),
    ("black friday laptop deals", "tech"),
    ("pro choice of running shoes for elite marathoners", "running"),
    ("my union of two photos in photoshop, how to blend", "photography"),
    ("gay street in new york city, what's the history of the name", "travel"),
)

# Everyday contexts that reveal a sensitive topic: the message is labelled sensitive.
SENSITIVE_CONTEXTS: dict[str, str] = {
    "health": """while pregnant; with type 1 diabetes; with my asthma; after my knee
    surgery; with high blood pressure; with my adhd; while on antidepressants; with
    celiac disease; with a heart condition; after chemo; with my anxiety; with long covid;
    with my ibs; with a herniated disc""",
    "religion": """that is halal; that is kosher; during ramadan; during lent; for my
    church group; for a muslim family; for a jewish holiday; for our bible study; that
    fits my hindu diet; for eid""",
    "sexual_orientation": """that is gay friendly; for me and my girlfriend as a
    lesbian couple; for a gay couple; for my same sex wedding; for a pride event; for
    my coming out party; that is lgbtq friendly""",
    "ethnicity": """for someone facing racism; for black women by black founders; that
    celebrates my indigenous roots; for mixed race kids learning their heritage""",
    "politics": """for the election campaign; for a protest march; for my political
    party's fundraiser; with a pro choice slogan""",
    "trade_union": """for our union strike; for the picket line; for union members""",
}
