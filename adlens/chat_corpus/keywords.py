"""Words that mark a topic, per language: short keyword messages built from them widen the
vocabulary the topic model knows (people name a topic's things far more ways than any list of
sentences covers). Entries are separated by ";" or spaces-free commas as in `en.py`."""

EN: dict[str, str] = {
    "hiking": """hike; hiking; trail; trailhead; summit; peak; ridge; switchback; trek;
    trekking; backpacking; boots; blisters; alltrails; elevation gain; scramble; national
    park; waterfall hike; loop trail; hut; mountain pass; gaiters; daypack; altitude;
    fell; mountains; wilderness; rucksack""",
    "running": """run; running; runner; jog; jogging; 5k; 10k; half marathon; marathon;
    pace; tempo; intervals; strava; parkrun; mileage; long run; treadmill; sprint; couch to
    5k; race bib; finish line; splits; cadence; running shoes; hokas; asics; brooks""",
    "fitness": """gym; workout; lifting; weights; reps; sets; squat; deadlift; bench press;
    dumbbells; kettlebell; protein; creatine; gains; bulking; cutting; cardio; hiit; abs;
    core; pull ups; push ups; plank; trainer; crossfit; pilates; calisthenics; physique;
    toned; muscles; stretching; mobility; peloton""",
    "cooking": """recipe; cook; cooking; bake; baking; oven; stove; simmer; saute; roast;
    grill; marinade; sauce; dough; flour; yeast; garlic; onions; skillet; pan; pot; dinner;
    lunch; breakfast; meal; ingredients; spices; seasoning; leftovers; soup; stew; pasta;
    rice; chicken; beef; tofu; vegetables; dessert; cake; cookies; bread; knead; boil;
    fry; air fryer; instant pot; casserole; curry""",
    "coffee": """coffee; espresso; latte; cappuccino; americano; cold brew; beans; roast;
    grinder; burr; barista; crema; portafilter; tamp; pour over; v60; chemex; aeropress;
    french press; moka; frother; decaf; caffeine; arabica; nespresso; keurig; mocha""",
    "travel": """trip; travel; vacation; holiday; flight; flights; airline; airport;
    hotel; hostel; airbnb; itinerary; passport; visa; luggage; suitcase; carry on; layover;
    resort; cruise; beach; sightseeing; tourist; backpacking; road trip; booking; points;
    miles; jet lag; destination; abroad; city break; honeymoon""",
    "gaming": """game; gaming; gamer; console; ps5; playstation; xbox; switch; nintendo;
    steam; pc gaming; gpu; fps; controller; multiplayer; co op; rpg; mmo; boss; level;
    quest; loot; speedrun; twitch; esports; ranked; patch; dlc; save file; respawn""",
    "fashion": """outfit; clothes; wardrobe; style; jeans; dress; shirt; jacket; coat;
    sneakers; boots; heels; suit; blazer; hoodie; skirt; trousers; pants; fit; sizing;
    tailor; accessories; handbag; belt; scarf; streetwear; vintage; thrift; designer;
    look; trend; fashion""",
    "beauty": """skincare; skin; makeup; moisturizer; serum; retinol; sunscreen; spf;
    cleanser; toner; acne; pimples; pores; foundation; concealer; mascara; eyeliner;
    lipstick; blush; nails; manicure; hair; haircut; shampoo; conditioner; frizz; curls;
    hair dye; highlights; perfume; fragrance; lashes; brows; wrinkles""",
    "pets": """dog; dogs; puppy; cat; cats; kitten; pet; pets; vet; leash; harness; crate;
    kibble; treats; litter; litter box; breed; adopt; shelter; rescue; fetch; walkies;
    grooming; fleas; ticks; neuter; spay; aquarium; hamster; parrot; bark; meow""",
    "parenting": """baby; babies; toddler; kid; kids; child; children; newborn; infant;
    son; daughter; parenting; mom; dad; stroller; diaper; nappies; formula; bottle;
    nursery; crib; daycare; preschool; tantrum; bedtime; potty; teenager; homework;
    playdate; babysitter; nanny""",
    "personal_finance": """money; budget; savings; save; invest; investing; stocks; shares;
    etf; index fund; portfolio; dividends; retirement; pension; 401k; ira; roth; mortgage;
    loan; debt; credit card; credit score; interest rate; bank; taxes; tax return; refund;
    salary; income; expenses; emergency fund; crypto; bitcoin; brokerage""",
    "cars": """car; cars; vehicle; truck; suv; sedan; engine; oil change; tires; tyres;
    brakes; transmission; mechanic; dealership; lease; mpg; mileage; horsepower; ev;
    electric car; hybrid; charging; battery; dashboard; windshield; car insurance; driving;
    test drive; garage""",
    "tech": """phone; iphone; android; laptop; computer; pc; mac; tablet; ipad; app; apps;
    wifi; router; bluetooth; charger; battery; screen; keyboard; mouse; headphones;
    earbuds; smartwatch; software; update; storage; cloud; backup; password; settings;
    printer; monitor; usb; hdmi; gadget""",
    "music": """music; song; songs; album; singer; band; artist; concert; gig; tour;
    festival; tickets; playlist; spotify; lyrics; guitar; piano; drums; bass; violin;
    singing; vocals; chords; vinyl; record; rap; hip hop; pop; rock; jazz; kpop; dj;
    beats""",
    "movies": """movie; movies; film; films; cinema; theater; show; series; episode;
    season; netflix; hulu; hbo; disney; prime video; streaming; actor; actress; director;
    trailer; sequel; documentary; anime; sitcom; binge; watchlist; plot; ending; spoilers""",
    "books": """book; books; novel; novels; read; reading; reader; author; kindle; ebook;
    audiobook; audible; library; chapter; series; fiction; nonfiction; fantasy; romance;
    thriller; mystery; memoir; biography; book club; paperback; hardcover; bestseller;
    goodreads""",
    "sports": """football; soccer; basketball; baseball; tennis; golf; cricket; rugby;
    hockey; f1; match; game; score; league; team; player; coach; goal; playoffs; season;
    standings; tournament; championship; stadium; tickets; fixtures; transfer; referee;
    fantasy league""",
    "home_garden": """home; house; apartment; flat; furniture; sofa; couch; bed; mattress;
    rug; curtains; decor; paint; wall; kitchen; bathroom; renovation; remodel; plumbing;
    leak; faucet; tap; drain; mold; cleaning; vacuum; laundry; storage; shelves; diy;
    tools; drill; patio; fence; deck""",
    "photography": """camera; photo; photos; photography; lens; lenses; dslr; mirrorless;
    tripod; shutter; aperture; iso; exposure; focus; portrait; landscape; lightroom; raw;
    editing; flash; zoom; canon; nikon; sony; fujifilm; prints; drone""",
    "gardening": """garden; gardening; plant; plants; houseplant; seeds; soil; compost;
    fertilizer; mulch; pruning; watering; lawn; grass; weeds; pests; aphids; slugs;
    tomatoes; herbs; flowers; roses; bulbs; pots; repotting; greenhouse; leaves""",
    "cycling": """bike; bikes; bicycle; cycling; cyclist; ride; riding; road bike; mtb;
    mountain bike; gravel; ebike; helmet; pedals; gears; chain; derailleur; saddle; tire
    pressure; puncture; commute; strava ride; peloton; spin""",
    "wine": """wine; red wine; white wine; rose; bottle; vineyard; winery; vintage;
    tasting; sommelier; grapes; cabernet; merlot; pinot; chardonnay; riesling; malbec;
    champagne; prosecco; cava; decanter; cork; pairing; tannins""",
    "camping": """camping; camp; campsite; campground; tent; sleeping bag; sleeping pad;
    campfire; stove; rv; camper; van life; glamping; hammock; cooler; lantern; headlamp;
    backcountry; bear; firewood; tarp; outdoors""",
    "religion": """god; church; bible; pray; prayer; faith; jesus; christ; christian;
    catholic; protestant; muslim; islam; allah; quran; mosque; imam; ramadan; eid; halal;
    jewish; judaism; torah; synagogue; rabbi; kosher; hindu; hinduism; temple; puja; buddhist;
    buddhism; sikh; gurdwara; priest; pastor; sin; heaven; hell; spiritual; worship; mass;
    baptism; communion; scripture; sermon; salvation; soul""",
    "sexual_orientation": """gay; lesbian; bisexual; bi; queer; lgbt; lgbtq; pride;
    coming out; closet; same sex; homosexual; pansexual; asexual; sexuality; orientation;
    boyfriend and i are both men; girlfriend and i are both women; crush on a girl; crush on
    a guy""",
    "politics": """politics; political; election; vote; voting; ballot; candidate;
    president; prime minister; government; congress; senate; parliament; democrat;
    republican; labour; conservative; liberal; left wing; right wing; policy; law; bill;
    campaign; protest; immigration; abortion; gun control; polls; debate; referendum;
    political party""",
    "health": """health; doctor; hospital; clinic; symptoms; pain; sick; illness; disease;
    diagnosis; medication; medicine; pills; prescription; dose; side effects; therapy;
    therapist; depression; depressed; anxiety; anxious; panic; stress; mental health;
    insomnia; headache; migraine; fever; cough; a cold; flu; infection; rash; blood pressure;
    diabetes; cholesterol; cancer; tumor; pregnant; pregnancy; period; cramps; surgery;
    injury; allergy; asthma; std; weight loss drug; disease; syndrome; disorder; diagnosed;
    chronic; infection; contagious; hereditary; cure; treatment; dosage; prescribed; specialist;
    scan; biopsy; chemo; oncologist; cardiologist; dermatologist; neurologist; gynecologist;
    urologist; psychiatrist; rheumatologist; pharmacist; tumour; arthritis; thyroid; kidney;
    liver; lupus; gout; hepatitis; dementia; seizure; inflammation; vaccine; antibiotics""",
    "ethnicity": """race; racism; racist; ethnicity; ethnic; heritage; ancestry; culture;
    latino; hispanic; indigenous; native american; mixed race; immigrant;
    discrimination; prejudice; stereotype; identity; roots; diaspora""",
    "philosophy": """philosophy; meaning; purpose; existence; free will; morality;
    ethics; stoic; stoicism; existential; nihilism; consciousness; mind; soul; truth;
    reality; determinism; virtue; socrates; plato; kant; nietzsche""",
    "trade_union": """union; unions; unionize; strike; strikes; picket; bargaining;
    collective agreement; union rep; shop steward; dues; workers; labor rights; walkout;
    organizing""",
    "genetics": """dna; genes; gene; genetic; genome; 23andme; ancestry test; hereditary;
    inherited; mutation; carrier; brca""",
    "biometrics": """biometric; biometrics; fingerprint; face id; facial recognition; iris;
    retina scan; voiceprint; palm scan""",
    "sex_life": """sex; sexual; libido; orgasm; condom; condoms; contraception; birth
    control; intimacy; foreplay; erectile; arousal""",
    "no_ad_topic": """essay; grammar; spelling; translate; translation; meaning of;
    definition; synonym; poem; story; email; letter; paragraph; summary; summarize;
    rewrite; proofread; homework; math; equation; calculate; percent; convert; fact;
    trivia; history; capital; population; science; physics; chemistry; code; python;
    javascript; sql; excel; formula; function; error; bug; reminder; timer; alarm; weather;
    time zone; joke; riddle""",
}

ES: dict[str, str] = {
    "hiking": "senderismo; ruta; sendero; montaña; cumbre; caminata; trekking; botas",
    "running": "correr; carrera; maratón; ritmo; kilómetros; zapatillas; trotar; runner",
    "fitness": "gimnasio; gym; pesas; rutina; músculo; sentadillas; proteína; entrenar",
    "cooking": "receta; cocinar; horno; sartén; cena; comida; ingredientes; hornear; guiso",
    "coffee": "café; cafetera; espresso; molinillo; capuchino; cortado; granos",
    "travel": "viaje; viajar; vuelo; hotel; vacaciones; playa; aeropuerto; maleta; turismo",
    "gaming": "videojuego; juego; consola; play; xbox; nintendo; gamer; partida; nivel",
    "fashion": "ropa; outfit; moda; vestido; zapatos; chaqueta; pantalones; estilo; talla",
    "beauty": "piel; maquillaje; crema; sérum; pelo; cabello; uñas; perfume; skincare",
    "pets": "perro; perrito; gato; gatito; mascota; veterinario; correa; pienso; cachorro",
    "parenting": "bebé; hijo; hija; niño; niña; niños; crianza; pañales; guardería",
    "personal_finance": "dinero; ahorro; ahorrar; invertir; banco; deuda; hipoteca; impuestos",
    "cars": "coche; carro; auto; motor; llantas; ruedas; gasolina; taller; conducir",
    "tech": "móvil; celular; portátil; computadora; ordenador; wifi; app; batería; pantalla",
    "music": "música; canción; canciones; concierto; cantante; guitarra; disco; letra",
    "movies": "película; peli; serie; cine; netflix; actor; temporada; capítulo",
    "books": "libro; libros; novela; leer; lectura; autor; kindle; capítulo",
    "sports": "fútbol; partido; equipo; gol; liga; jugador; tenis; pádel; baloncesto",
    "home_garden": "casa; piso; sofá; muebles; cocina; baño; pintar; limpieza; reforma",
    "photography": "cámara; foto; fotos; fotografía; objetivo; lente; trípode",
    "gardening": "jardín; planta; plantas; huerto; semillas; regar; tierra; macetas",
    "cycling": "bici; bicicleta; ciclismo; pedalear; casco; rueda; cadena",
    "wine": "vino; tinto; blanco; bodega; botella; cata; uva",
    "camping": "camping; acampar; tienda de campaña; saco de dormir; hoguera",
    "religion": """dios; iglesia; biblia; rezar; oración; fe; misa; cristiano; católico;
    musulmán; mezquita; ramadán; judío; sinagoga; pecado; cielo; virgen; santo""",
    "sexual_orientation": "gay; lesbiana; bisexual; queer; lgbt; orgullo; armario",
    "politics": """política; elecciones; votar; voto; partido; presidente; gobierno;
    izquierda; derecha; diputado; congreso; ley""",
    "health": """salud; médico; doctor; hospital; síntomas; dolor; enfermedad; pastillas;
    medicamento; ansiedad; depresión; psicólogo; fiebre; embarazo; diabetes; tensión;
    enfermedad crónica; síndrome; trastorno; diagnóstico; tratamiento; contagio; hereditario;
    dosis; receta; especialista; biopsia; resonancia; quimio; oncólogo; cardiólogo;
    dermatólogo; neurólogo; ginecólogo; urólogo; psiquiatra; reumatólogo; tiroides; riñón;
    hígado; infección; vacuna; cáncer; tumor""",
    "ethnicity": "racismo; raza; etnia; indígena; raíces; discriminación; afrodescendiente",
    "philosophy": "filosofía; sentido de la vida; existencia; moral; ética; estoicismo",
    "trade_union": "sindicato; huelga; convenio; delegado sindical; trabajadores",
    "genetics": "adn; genes; genético; hereditario",
    "biometrics": "huella; reconocimiento facial; biométrico",
    "sex_life": "sexo; sexual; libido; condón; anticonceptivo",
    "no_ad_topic": """ensayo; ortografía; traducir; traducción; significado; poema;
    correo; resumen; tarea; matemáticas; ecuación; capital; historia; código; recordatorio;
    chiste""",
}

PT: dict[str, str] = {
    "hiking": "trilha; montanha; caminhada; trekking; cume; botas",
    "running": "correr; corrida; maratona; pace; km; tênis de corrida",
    "fitness": "academia; treino; musculação; músculo; agachamento; whey; malhar",
    "cooking": "receita; cozinhar; forno; panela; jantar; almoço; ingredientes; assar",
    "coffee": "café; cafeteira; espresso; moedor; cappuccino; grãos",
    "travel": "viagem; viajar; voo; passagem; hotel; férias; praia; aeroporto; mala",
    "gaming": "videogame; jogo; console; ps5; xbox; nintendo; gamer; partida",
    "fashion": "roupa; look; moda; vestido; sapato; jaqueta; calça; estilo",
    "beauty": "pele; maquiagem; creme; sérum; cabelo; unhas; perfume; skincare",
    "pets": "cachorro; cão; gato; gatinho; pet; veterinário; ração; filhote",
    "parenting": "bebê; filho; filha; criança; crianças; fralda; creche; maternidade",
    "personal_finance": "dinheiro; poupança; investir; banco; dívida; financiamento; imposto",
    "cars": "carro; motor; pneu; gasolina; oficina; dirigir; combustível",
    "tech": "celular; notebook; computador; wifi; app; bateria; tela; fone",
    "music": "música; canção; show; cantor; cantora; violão; álbum; letra",
    "movies": "filme; série; cinema; netflix; ator; temporada; episódio",
    "books": "livro; livros; romance; ler; leitura; autor; kindle",
    "sports": "futebol; jogo; time; gol; campeonato; jogador; tênis; vôlei",
    "home_garden": "casa; apartamento; sofá; móveis; cozinha; banheiro; pintar; reforma",
    "photography": "câmera; foto; fotos; fotografia; lente; tripé",
    "gardening": "jardim; planta; plantas; horta; sementes; regar; terra; vasos",
    "cycling": "bike; bicicleta; ciclismo; pedalar; capacete; pneu; corrente",
    "wine": "vinho; tinto; branco; vinícola; garrafa; degustação; uva",
    "camping": "camping; acampar; barraca; saco de dormir; fogueira",
    "religion": """deus; igreja; bíblia; rezar; oração; fé; missa; cristão; católico;
    evangélico; muçulmano; mesquita; judeu; pecado; céu; santo""",
    "sexual_orientation": "gay; lésbica; bissexual; queer; lgbt; orgulho; armário",
    "politics": """política; eleição; eleições; votar; voto; partido; presidente; governo;
    esquerda; direita; deputado; congresso""",
    "health": """saúde; médico; hospital; sintomas; dor; doença; remédio; ansiedade;
    depressão; psicólogo; febre; gravidez; diabetes; pressão; doença crônica; síndrome;
    transtorno; diagnóstico; tratamento; contágio; hereditário; dose; receita; especialista;
    biópsia; ressonância; quimio; oncologista; cardiologista; dermatologista; neurologista;
    ginecologista; urologista; psiquiatra; reumatologista; tireoide; rim; fígado; infecção;
    vacina; câncer; tumor""",
    "ethnicity": "racismo; raça; etnia; indígena; raízes; discriminação; negro",
    "philosophy": "filosofia; sentido da vida; existência; moral; ética; estoicismo",
    "trade_union": "sindicato; greve; convenção coletiva; trabalhadores",
    "genetics": "dna; genes; genético; hereditário",
    "biometrics": "digital; reconhecimento facial; biometria",
    "sex_life": "sexo; sexual; libido; camisinha; anticoncepcional",
    "no_ad_topic": """redação; ortografia; traduzir; tradução; significado; poema;
    e-mail; resumo; lição; matemática; equação; capital; história; código; lembrete;
    piada""",
}

HI_EN: dict[str, str] = {
    "hiking": "trek; trekking; pahad; hiking; trail; summit",
    "running": "running; daudna; marathon; 5k; pace; jogging",
    "fitness": "gym; workout; exercise; protein; muscle; weight training",
    "cooking": "khana; recipe; banana; sabzi; dal; roti; masala; tadka",
    "coffee": "coffee; espresso; filter coffee; cappuccino",
    "travel": "trip; ghoomna; flight; hotel; chutti; safar; booking; visa",
    "gaming": "game; gaming; bgmi; ps5; console; level",
    "fashion": "kapde; kurta; saree; outfit; jeans; fashion",
    "beauty": "skin; chehra; baal; makeup; skincare; cream",
    "pets": "kutta; dog; billi; puppy; pet; vet",
    "parenting": "baccha; bachcha; beta; beti; baby; bachche",
    "personal_finance": "paisa; paise; bachat; invest; sip; loan; emi; tax",
    "cars": "gaadi; car; engine; tyre; petrol; mileage",
    "tech": "phone; mobile; laptop; wifi; app; battery; charger",
    "music": "gaana; gaane; music; song; concert; singer",
    "movies": "movie; film; picture; series; web series; ott",
    "books": "kitaab; book; novel; padhna; author",
    "sports": "cricket; match; team; ipl; football; khel",
    "home_garden": "ghar; kamra; sofa; furniture; paint; safai",
    "photography": "camera; photo; photography; lens",
    "gardening": "paudha; paudhe; gamla; bagicha; beej",
    "cycling": "cycle; cycling; gear",
    "wine": "wine; sharab; bottle",
    "camping": "camping; tent; bonfire",
    "religion": """bhagwan; bhakti; mandir; puja; masjid; namaz; gurudwara; church;
    dharam; dharm; vrat; roza; aarti; prarthana""",
    "sexual_orientation": "gay; lesbian; bisexual; lgbtq; coming out",
    "politics": "chunav; vote; neta; sarkar; party; election; rajneeti",
    "health": """sehat; doctor; dawai; bimari; dard; bukhaar; anxiety; depression; tension;
    bp; sugar; bimari ka ilaj; ilaj; dawai ki dose; report; lakshan; rog; khandani bimari;
    infection; cancer; tumour; thyroid; kidney; liver; specialist; hospital; test; scan""",
    "ethnicity": "jaati; caste; racism; bhedbhav",
    "philosophy": "zindagi ka matlab; darshan; karma",
    "trade_union": "union; hadtaal; strike",
    "genetics": "dna; genetic",
    "biometrics": "fingerprint; biometric",
    "sex_life": "sex; libido",
    "no_ad_topic": "essay; translate; matlab; poem; email; summary; homework; maths; joke",
}

KEYWORDS: dict[str, dict[str, str]] = {"en": EN, "es": ES, "pt": PT, "hi-en": HI_EN}
