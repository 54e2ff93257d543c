"""Look-alikes for the chat topic model's training text: things that borrow a sensitive-topic
word (faith, union, race, virus, party, straight, depression...) in another sense, per language.

Per language and true label (an everyday topic or "no ad topic"), ";"-separated things that
`adlens.chat_corpus` puts into its frames, bare or styled, so each look-alike is seen in many
forms. Written for training only: neither the dataset generator nor the validation set reads
it, and no entry is copied from the hand-written validation set.
"""

LOOKALIKES: dict[str, dict[str, str]] = {
    "en": {
        "tech": """a python process that won't die; a zombie process on my server; the kill
        command in linux; a computer virus; a trojan on my laptop; malware on my phone;
        antivirus for windows; my phone's battery health; the battery on my fitness band;
        the strap of my fitness tracker; the heart rate sensor on my smartwatch; the health
        app on my iphone that won't sync; sleep tracking on my watch; a step counter app; a
        dead pixel on my monitor; a dead usb port; wifi that keeps dying; my right click
        that stopped working; a mouse with a broken left button; a laptop that's sick slow;
        a god mode folder in windows; a bluetooth speaker that won't pair; a power bank that
        died; a cracked screen protector; a phone that got water damage; a keyboard with
        sticky keys; the blue screen of death; the ring of death on an old xbox; a firmware
        update that bricked my router; a smart scale that won't connect; a party speaker for
        the garden; a tablet for my grandma in a care
        home; a headset for a nurse on night shifts""",
        "no_ad_topic": """how to kill a child process in python; an orphan process in
        linux; the master branch in git; git blame on one line; a union type in typescript;
        a union in sql; a left join vs a right join; strikethrough text in google docs; the
        meaning of the phrase holy cow; what preaching to the choir means; the origin of
        the phrase come out swinging; the great depression for my history essay; the fall
        of the roman empire for a quiz; the mass of the sun; critical mass in physics;
        pressure in a physics problem; the pulse of a laser; the plural of virus; a haiku
        about a dying star; a limerick for my boss's leaving party; a toast for my sister's
        birthday party; a thank you note to my kid's teacher; the word liberal in a liberal
        amount; what a conservative estimate means; the difference between affect and
        effect; the capital of the vatican for a pub quiz; how many members the european
        union has for my geography homework; why the sky is blue; a formula for a running
        total in excel; the speed of light in a vacuum; the word depression in a weather
        forecast; a tropical depression in the forecast""",
        "cooking": """holy basil pesto; angel food cake; devil's food cake; hot cross buns; a
        buddha bowl; monk fruit sweetener; blood orange sorbet; a pressure cooker; soul food
        recipes; shepherd's pie; passion fruit mousse; tacos al pastor; a liberal amount of
        garlic; a conservative pinch of salt; a party platter; heavenly chocolate brownies;
        a black forest cake; white chocolate cookies; indian butter chicken; thai green
        curry; mexican street corn; korean bbq at home; chinese dumplings; jamaican jerk
        chicken; a french omelette; scotch eggs; a sinfully rich cheesecake; a killer chili
        recipe; a dead easy weeknight pasta; bread that's gone sick and mouldy; a
        christmas pudding; a thanksgiving pie; a halloween party punch; a healthy snack for
        the office; a gut friendly kimchi; protein pancakes""",
        "coffee": """a god shot of espresso; the holy grail of hand grinders; ethiopian single
        origin beans; cuban coffee; a turkish coffee pot; vietnamese iced coffee; a black
        coffee with no sugar; white coffee; a dirty chai; a coffee that's too strong for my
        heart rate; a decaf for the evening; a french press""",
        "fitness": """heart rate zones for cardio; muscle mass; body fat percentage on a gym
        scale; the preacher curl; the devil press exercise; a killer ab workout; a sick
        pump at the gym; good mornings exercise; a deadlift pr; a pilates reformer class; a
        fitness tracker for the gym; recovery days between workouts; a cold plunge after
        training; a body pump class; a spin class with a sick playlist; a monk's discipline
        for training every day; the union of strength and cardio in one plan""",
        "running": """race day nerves; a race bib; my race results; a negative split; a
        runner's high; a heart rate zone run; a tempo run that killed me; cross country
        race spikes; a pacer for my marathon; dead legs after a long run; a recovery run;
        a ten k race in a santa suit""",
        "sports": """a strike in bowling; a striker for my fantasy team; a landslide win for
        my team; the vote for player of the season; the new orleans saints; the san diego
        padres; the la angels; the cleveland guardians; philadelphia union tickets; the
        union berlin match; the all blacks rugby; the black caps cricket; a conservative
        game plan; a left winger; a penalty shootout; a free kick; the derby; a pitch
        invasion; the trinity of tennis greats; the hail mary pass; the miracle on ice""",
        "music": """soul music; a song by nirvana; karma police chords; faith no more; the
        killers live; the black keys; the white stripes; the band bad religion; losing my
        religion chords; hallelujah on piano; like a prayer by madonna; depeche mode
        albums; house music; a sick beat; the pretenders; the spirit of radio; the album the
        dark side of the moon; a party playlist; a punk band called the union""",
        "movies": """pride and prejudice; the movie conclave; doctor who; the exorcist; the
        godfather trilogy; house of cards; grey's anatomy; the good doctor; house md; heaven
        can wait; the good place; the crown; the west wing; a zombie movie; a political
        thriller movie; a movie about a cult; the chosen one trope; black panther; the
        lion king; a christmas movie; a film about a strike in a mine; a courtroom drama""",
        "books": """the bible of sourdough; a photography bible; the god of small things;
        crime and punishment; the name of the rose; the book thief; the alchemist; the
        grapes of wrath; a stephen king novel; a self help book on habits; the hitchhiker's
        guide to the galaxy; a murder mystery; a book club pick; a novel about a preacher's
        daughter; the handmaid's tale""",
        "gaming": """god of war; a faith build in elden ring; a holy paladin in wow; a priest
        healer in wow; the cleric class in baldur's gate 3; a monk build in diablo; crusader
        kings 3; assassin's creed; saints row; the plague doctor in darkest dungeon; the
        medic class in tf2; the healer role in a raid; the strike missions in destiny 2; a
        race in mario kart; choosing a race in skyrim; the elf race in bg3; the campaign in
        halo; the black ops campaign; the zombie mode in cod; a sick clutch in valorant; the
        vote kick in fortnite; the church in dark souls; temple run; a diplomatic victory in
        civilization; a political party in tropico; a union of guilds in an mmo""",
        "fashion": """a black dress; white sneakers; a party dress; christian louboutin heels;
        christian dior; a monk strap shoe; straight leg jeans; a liberty print dress; a
        bohemian skirt; a preppy outfit; a tie dye hoodie; a rainbow striped sweater; a union
        jack t shirt; a kimono jacket; a nude heel; a pride of lions print shirt; a
        conservative outfit for an interview; a killer outfit for a party""",
        "beauty": """straight hair; a hair straightener; korean skincare; a brazilian
        blowout; french manicure; a dead skin scrub; the holy grail moisturizer; a miracle
        cream for wrinkles; an angel perfume; a heavenly scented body wash; african black
        soap; an indian head massage; a sick haircut; healthy looking skin; a natural hair
        routine""",
        "pets": """my dog seems depressed; my cat is sick; my dog's arthritis; my cat's
        diabetes; my hamster has a lump; my puppy's vaccines; a german shepherd; a persian
        cat; a siamese cat; a bengal cat; an abyssinian cat; a russian blue; a vet for my
        anxious dog; my dog is throwing up; a cat with a cold; my rabbit won't eat; my
        parrot's feathers falling out; a dog that's scared of fireworks""",
        "parenting": """a race car bed; an easter egg hunt; a halloween costume for my kid;
        baby's first christmas outfit; my kid's
        class election poster; a party for my toddler; a rainbow themed birthday cake; a
        union of two families after a remarriage""",
        "personal_finance": """a union bank account; a health savings account; a hsa; a
        conservative portfolio; an aggressive portfolio; the strike price of an option; a
        bull market; a bear market; a dead cat bounce; a pension plan; a cost of living
        raise; a tax bracket; a labor day sale on a credit card; a roth ira; a budget for a
        party; the federal funds rate on my mortgage""",
        "cars": """a dead car battery; transmission fluid; a transmission that slips; a trans
        am; a jeep liberty; a kia soul; a ford ranger; a dodge ram; a chevy suburban; a
        lincoln; a nissan leaf; a sick exhaust; a brake pad; a check engine light; a hybrid
        suv; a car that died on the highway; a mercedes with a virus in its infotainment""",
        "home_garden": """a spirit level; a kitchen cabinet; a shaker cabinet; a mission
        style table; a church pew bench for the hallway; a gothic chandelier; a dead bolt
        lock; a white picket fence; a lazy susan; a bathroom vanity; a sink that's clogged;
        a house party cleanup; a black kitchen sink; a rainbow rug for the kids' room""",
        "gardening": """a sick tomato plant; plant disease on my roses; root rot; a native
        plant garden; a bleeding heart plant; a peace lily; a passion flower vine; an african
        violet; a christmas cactus; a resurrection plant; holy basil seeds; an angel trumpet
        plant; devil's ivy; a virus on my zucchini; aphids killing my roses; killing weeds
        without chemicals; a zen garden""",
        "cycling": """a race saddle; a road race; the tour de france; tire pressure; a chain
        that keeps dropping; a fixie; a trek bike; a bike for a race; dead legs on a climb;
        the heart rate strap on my bike computer""",
        "wine": """a chateauneuf du pape; a bottle of spirits for a gift; a blush wine; a
        port wine; a liberal pour; a blood red wine; a natural wine; a sangiovese for a
        party; a wine called the prisoner""",
        "camping": """a campsite in death valley; camping near devil's tower; a camp near the
        holy cross wilderness; a heavenly night under the stars; a tent for a festival; a
        camping stove that died; a bear canister; a sleeping bag for cold nights""",
        "hiking": """angels landing; the devil's bridge trail; the cathedral rock trail; a
        hike in zion; the temple of sinawava; a hike to a monastery with a view; the
        pilgrims' route on the camino; the hermit trail in the grand canyon""",
        "photography": """strike a pose for portraits; shooting in raw; a holy grail lens; a
        dead pixel on my sensor; black and white film; shooting a wedding party; a church
        interior with low light; a portrait of my grandma""",
        "travel": """union square; salt lake city; the vatican museums; angkor wat; the
        european union visa rules; temple bar in dublin; notre dame tickets; the sagrada
        familia; a tour of the white house; capitol hill in seattle; the houses of
        parliament tour; visiting the blue mosque as a tourist; the golden temple in
        amritsar; christchurch in new zealand; a trip to santiago; an all inclusive resort
        for a party weekend""",
    },
    "es": {
        "tech": """un proceso de python que no se cierra; el comando kill en linux; un virus
        en el portátil; un troyano en el móvil; un antivirus para windows; la salud de la
        batería del móvil; la batería de mi pulsera de actividad; la correa de mi reloj
        deportivo; el sensor de pulso del reloj; la app de salud del iphone que no
        sincroniza; un píxel muerto en el monitor; el wifi que se muere a cada rato; el
        clic derecho que no funciona; un altavoz para la fiesta; una tablet para mi abuela
        en la residencia""",
        "no_ad_topic": """la unión de dos tablas en sql; matar un proceso hijo en python; el
        significado de la palabra melancolía; la gran depresión para mi tarea; la caída del
        imperio romano para un examen; la masa del sol; la presión en un problema de
        física; el plural de virus; un brindis para la fiesta de mi jefe; una carta de
        agradecimiento a la maestra; la capital del vaticano para un concurso; cuántos
        países tiene la unión europea para mi tarea; una depresión tropical en el
        pronóstico; por qué el cielo es azul""",
        "cooking": """albahaca sagrada; pastel de ángel; tarta del diablo; rosca de reyes;
        naranja sanguina; una olla a presión; tacos al pastor; pan de muerto; un bowl de
        buda; mole poblano; comida china a domicilio; pollo a la india; una pizca
        conservadora de sal; un pastel para la fiesta; torrijas de semana santa; buñuelos
        de viento; un snack saludable para la oficina""",
        "fitness": """la frecuencia cardiaca para cardio; masa muscular; el curl predicador;
        un entreno que me mató; una clase de spinning; la báscula del gimnasio; días de
        recuperación entre entrenos""",
        "running": """los nervios del día de la carrera; mi dorsal de la carrera; una
        carrera de 10k; piernas muertas tras la tirada larga; el ritmo de la carrera""",
        "sports": """un strike en bolos; un delantero para mi fantasy; una victoria
        aplastante; la votación del mejor jugador; los santos de nueva orleans; la huelga
        de jugadores de la nba; el derbi; un penalti; la unión deportiva las palmas; el
        real madrid""",
        "music": """música soul; canciones de nirvana; losing my religion en guitarra;
        aleluya en piano;
        el grupo los fabulosos cadillacs; una lista para la fiesta""",
        "movies": """orgullo y prejuicio; la película cónclave; el padrino; el exorcista;
        anatomía de grey; la casa de papel; una película de zombis; un thriller político; la
        serie the crown""",
        "gaming": """god of war; un sacerdote sanador en wow; el clérigo en baldur's gate 3;
        una carrera en mario kart; elegir raza en skyrim; la campaña de halo; el modo zombi
        de cod; temple run; una victoria diplomática en civilization""",
        "fashion": """un vestido negro; zapatillas blancas; un vestido de fiesta; tacones de
        christian louboutin; vaqueros rectos; un look conservador para una entrevista; un
        jersey de rayas arcoíris""",
        "beauty": """pelo liso; una plancha de pelo; skincare coreano; un alisado brasileño;
        manicura francesa; la crema santo grial; jabón negro africano""",
        "pets": """mi perro está deprimido; mi gato está enfermo; la artritis de mi perro;
        un pastor alemán; un gato persa; un gato siamés; las vacunas del cachorro; mi perro
        está vomitando""",
        "parenting": """una cama de coche de carreras; un disfraz de halloween para mi hijo;
        la cabalgata de reyes con los niños; una fiesta para mi hijo de 3 años; la
        elección de delegado de clase de mi hija""",
        "personal_finance": """una cuenta en una caja de ahorros; una cartera conservadora;
        un mercado bajista; un plan de pensiones; el tramo del irpf; una subida de sueldo
        por el coste de vida""",
        "cars": """la batería del coche muerta; el líquido de transmisión; la transmisión
        que patina; un kia soul; un jeep liberty; las pastillas de freno; la luz del motor;
        un coche híbrido""",
        "home_garden": """un nivel de burbuja; un armario de cocina; un banco de iglesia
        para el recibidor; una cerradura de seguridad; el fregadero atascado""",
        "gardening": """una tomatera enferma; una plaga en mis rosales; un espatifilo; una
        violeta africana; una flor de pascua; una flor de la pasión; un virus en el
        calabacín; un jardín zen""",
        "cycling": """un sillín de carreras; la vuelta a españa; la presión de las ruedas de
        la bici; una bici para carreras""",
        "wine": """un châteauneuf du pape; una botella de licor para regalar; un vino
        rosado""",
        "camping": """acampar en el valle de la muerte; una tienda para un festival; un
        hornillo que murió; un saco para noches frías""",
        "hiking": """el camino de santiago por etapas; una ruta al monasterio de montserrat;
        la ruta del cañón del diablo""",
        "travel": """la plaza de la unión; los museos vaticanos; la sagrada familia;
        angkor wat; las reglas de visado de la unión europea; la catedral de sevilla;
        santiago de chile; un hotel en la ciudad de méxico""",
    },
    "pt": {
        "tech": """um processo de python que não fecha; o comando kill no linux; um vírus
        no notebook; um malware no celular; um antivírus para windows; a saúde da bateria
        do celular; a bateria da minha pulseira fitness; a pulseira do meu smartwatch; o
        sensor de batimentos do relógio; o app saúde do iphone que não sincroniza; um
        pixel morto no monitor; o wifi que cai toda hora; o botão direito do mouse
        quebrado; uma caixa de som para festa; um tablet para minha avó no asilo""",
        "no_ad_topic": """a união de duas tabelas no sql; matar um processo filho no python;
        o significado da palavra saudade; a grande depressão para o trabalho da escola; a
        queda do império romano para a prova; a massa do sol; a pressão num problema de
        física; o plural de vírus; um brinde para a festa do meu chefe; um bilhete de
        agradecimento para a professora; quantos países tem a união europeia; uma
        depressão tropical na previsão do tempo; por que o céu é azul""",
        "cooking": """manjericão santo; bolo de anjo; bolo do diabo; laranja sangue; uma
        panela de pressão; um bowl de buda; frango indiano; comida chinesa; comida baiana;
        feijoada para a festa; um toque conservador de sal; um lanche saudável para o
        trabalho; rabanada de natal; canjica de festa junina""",
        "fitness": """zonas de frequência cardíaca; massa muscular; a rosca scott; um treino
        que me matou; aula de spinning; a balança da academia; dias de descanso entre
        treinos""",
        "running": """o nervosismo do dia da corrida; meu número de peito da corrida; uma
        corrida de 10k; pernas mortas depois do longão; a são silvestre""",
        "sports": """um strike no boliche; um atacante para o cartola; uma vitória de
        goleada; a votação de craque do campeonato; o santos; a união de clubes; o clássico
        no domingo; um pênalti; os santos de nova orleans""",
        "music": """música soul; músicas do nirvana; losing my religion no violão; aleluia
        no piano; uma
        playlist para a festa""",
        "movies": """orgulho e preconceito; o filme conclave; o poderoso chefão; o
        exorcista; grey's anatomy; la casa de papel; um filme de zumbi; um thriller
        político""",
        "gaming": """god of war; um sacerdote curandeiro no wow; o clérigo no baldur's gate
        3; uma corrida no mario kart; escolher a raça no skyrim; a campanha do halo; o
        modo zumbi do cod; uma vitória diplomática no civilization""",
        "fashion": """um vestido preto; tênis branco; um vestido de festa; salto christian
        louboutin; calça reta; um look conservador para entrevista; um suéter de listras
        arco íris""",
        "beauty": """cabelo liso; uma chapinha; skincare coreano; escova progressiva
        brasileira; francesinha nas unhas; o hidratante santo graal; sabonete preto
        africano""",
        "pets": """meu cachorro está deprimido; meu gato está doente; a artrite do meu
        cachorro; um pastor alemão; um gato persa; um gato siamês; as vacinas do filhote;
        meu cachorro está vomitando""",
        "parenting": """uma cama de carro de corrida; uma fantasia de halloween para meu
        filho; uma festa para meu filho de 3 anos; a eleição de representante de turma da
        minha filha""",
        "personal_finance": """uma conta numa cooperativa de crédito; uma carteira
        conservadora; um mercado em baixa; um plano de previdência; a faixa do imposto de
        renda; um reajuste pelo custo de vida""",
        "cars": """a bateria do carro arriada; óleo de transmissão; o câmbio que patina; um
        kia soul; um jeep renegade; as pastilhas de freio; a luz da injeção; um carro
        híbrido""",
        "home_garden": """um nível de bolha; um armário de cozinha; um banco de igreja para
        a entrada; uma fechadura tetra; a pia entupida""",
        "gardening": """um tomateiro doente; uma praga nas minhas roseiras; um lírio da paz;
        uma violeta africana; um maracujá no quintal; um vírus na abobrinha; um jardim
        zen""",
        "cycling": """um selim de corrida; a volta da frança; a pressão do pneu da bike""",
        "wine": """um châteauneuf du pape; uma garrafa de destilado para presente; um vinho
        do porto; um vinho rosé""",
        "camping": """acampar no vale da morte; uma barraca para festival; um fogareiro que
        morreu""",
        "hiking": """o caminho da fé por etapas; uma trilha até o mosteiro; a trilha do
        pico do diabo""",
        "travel": """os museus do vaticano; a sagrada família; angkor wat; as regras de
        visto da união europeia; a catedral da sé; o cristo redentor; santiago do chile""",
    },
    "hi-en": {
        "tech": """python process jo band nahi ho raha; linux ka kill command; laptop mein
        virus; phone mein malware; windows ke liye antivirus; phone ki battery health;
        fitness band ki battery; smartwatch ka strap; watch ka heart rate sensor; iphone ka
        health app sync nahi ho raha; monitor pe dead pixel; wifi baar baar mar jata hai;
        mouse ka right click kharab; party ke liye speaker; dadi ke liye tablet""",
        "no_ad_topic": """sql mein union kaise use kare; python mein child process kill
        karna; great depression homework ke liye; roman empire ka fall exam ke liye; sun ka
        mass; physics problem mein pressure; boss ki farewell party ke liye speech; teacher
        ko thank you note; european union mein kitne desh hain; aasmaan neela kyun hai""",
        "cooking": """tulsi ki chai; angel cake recipe; pressure cooker mein biryani; butter
        chicken recipe; chinese noodles ghar pe; party ke liye snacks; healthy tiffin
        ideas; diwali ki mithai; holi ke liye gujiya""",
        "fitness": """heart rate zones cardio ke liye; muscle mass; preacher curl; killer abs
        workout; gym ki weighing machine; workout ke beech rest days""",
        "running": """race day ki tension; race bib; 10k race; long run ke baad dead legs""",
        "sports": """bowling mein strike; fantasy team ke liye striker; team ki landslide
        jeet; player of the match ki voting; ipl ka final; free hit; super over""",
        "music": """sufi gaane; nirvana ke songs; losing my religion guitar pe; party playlist""",
        "movies": """pride and prejudice movie; godfather trilogy; the exorcist; grey's
        anatomy; zombie movie; political thriller web series; bhool bhulaiyaa""",
        "gaming": """god of war; wow mein priest healer; bg3 mein cleric; mario kart mein
        race; skyrim mein race choose karna; halo ki campaign; cod ka zombie mode""",
        "fashion": """black dress; white sneakers; party wear dress; straight fit jeans;
        interview ke liye formal look; eid ke liye kurta""",
        "beauty": """straight hair; hair straightener; korean skincare; holy grail
        moisturiser; holi ke rang skin se hatana""",
        "pets": """mera dog udaas hai; meri billi bimar hai; dog ko arthritis; german
        shepherd puppy; persian cat; puppy ke vaccines; dog ulti kar raha hai""",
        "parenting": """race car bed; bachche ke liye halloween costume; bachche ki birthday
        party; beti ka class monitor election""",
        "personal_finance": """conservative portfolio; bear market; pension plan; tax slab;
        health insurance ka premium tax mein""",
        "cars": """car ki battery dead; transmission oil; kia sonet; brake pad; check engine
        light; hybrid car""",
        "home_garden": """spirit level; kitchen cabinet; pooja room ka wooden door design;
        sink block ho gaya""",
        "gardening": """tomato plant bimar hai; roses pe keede; peace lily; tulsi ka paudha
        sookh raha hai; money plant""",
        "cycling": """racing saddle; cycle ke tyre ka pressure""",
        "wine": """party ke liye wine; port wine; spirits gift karne ke liye""",
        "camping": """festival ke liye tent; camping stove kharab""",
        "hiking": """kedarkantha trek; triund trek; valley of flowers trek""",
        "travel": """golden temple amritsar trip; varanasi ghat tour; vatican museum
        tickets; european union visa rules; goa mein party weekend""",
    },
}
