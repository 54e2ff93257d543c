"""Spanish (Spain and Latin America) training vocabulary for the chat topic model, in the shape
of `adlens.chat_corpus.en`. Written for training only."""

TOPICS: dict[str, dict[str, str]] = {
    "hiking": {
        "n": """botas de montaña; una ruta de senderismo; bastones de trekking; una mochila de
        montaña; el camino de santiago; una caminata por la sierra; rutas por los andes; el
        cerro; un sendero con cascadas; la travesía de torres del paine; senderismo en
        los pirineos; una excursión de un día; el volcán; un refugio de montaña""",
        "d": """hacer senderismo; subir una montaña; preparar una caminata larga; caminar el
        camino de santiago; elegir botas de montaña; evitar ampollas caminando""",
        "m": """qué ruta de senderismo me recomiendas cerca de madrid; cuánto se tarda en subir
        el cerro; es difícil la ruta del cares; qué llevo para una caminata de 20 km; quiero
        hacer trekking en patagonia; botas o zapatillas para el camino de santiago""",
    },
    "running": {
        "n": """zapatillas para correr; un plan de entrenamiento para 10k; un medio maratón;
        un maratón; un reloj garmin; series de velocidad; correr en cinta; el ritmo de
        carrera; una carrera popular; trail running; dolor de rodilla al correr""",
        "d": """correr más rápido; entrenar para mi primer maratón; empezar a correr; mejorar
        mi ritmo; correr sin lesionarme; bajar de 25 minutos en 5k""",
        "m": """cómo mejoro mi tiempo en 10k; cuántos km por semana para un medio maratón; qué
        zapatillas para pisada pronadora; es malo correr todos los días; qué como antes de
        correr; me duelen las espinillas al correr""",
    },
    "fitness": {
        "n": """el gimnasio; una rutina de pesas; mancuernas; proteína; creatina; una rutina
        de abdominales; crossfit; pilates; calistenia; un entrenador personal; sentadillas;
        press de banca; una rutina full body; el pre entreno""",
        "d": """ganar masa muscular; bajar de peso y ganar músculo; entrenar en casa; hacer
        dominadas; marcar abdominales; ponerme en forma""",
        "m": """rutina de gimnasio para principiantes; cuántas series y repeticiones para
        ganar músculo; es bueno entrenar todos los días; cuánta proteína necesito al día;
        ejercicios para pecho en casa; vale la pena la creatina""",
    },
    "cooking": {
        "n": """una receta; ideas para la cena; una paella; una tortilla de patatas; unas
        enchiladas; tacos al pastor; arroz con pollo; una freidora de aire; una olla
        exprés; pan casero; un bizcocho; empanadas; un guiso; una ensalada; arepas;
        ceviche; una lasaña; galletas; pollo al horno""",
        "d": """cocinar arroz; hacer pan casero; preparar la cena rápido; hacer una paella;
        usar la freidora de aire; cocinar para muchas personas""",
        "m": """qué cocino hoy con pollo y arroz; receta fácil de lentejas; cuánto tiempo se
        hornea un pollo; cómo hago que el arroz no se pegue; qué puedo hacer con
        plátanos maduros; receta de brownies sin horno""",
    },
    "coffee": {
        "n": """una cafetera; una cafetera espresso; un molinillo; café en grano; una
        prensa francesa; una nespresso; café de olla; un cortado; un café con leche;
        café frío; una cafetera italiana""",
        "d": """hacer un buen espresso; moler café; hacer café frío; limpiar la cafetera""",
        "m": """qué cafetera me compro para casa; por qué mi café sale amargo; qué café en
        grano me recomiendas; diferencia entre cortado y capuchino""",
    },
    "travel": {
        "n": """vuelos baratos; un hotel; un airbnb; un viaje a japón; unas vacaciones en
        la playa; un itinerario; el pasaporte; el visado; un seguro de viaje; una
        escapada de fin de semana; cancún; la riviera maya; machu picchu; parís;
        nueva york; una maleta de mano; un crucero""",
        "d": """viajar barato; planear un viaje a europa; encontrar vuelos baratos; hacer la
        maleta; sacar el pasaporte; viajar con niños""",
        "m": """qué ver en roma en tres días; cuál es la mejor época para ir a cancún;
        necesito visa para estados unidos; itinerario de una semana por perú; dónde
        me alojo en barcelona; vuelos baratos a bogotá en diciembre""",
    },
    "gaming": {
        "n": """una play 5; una xbox; una nintendo switch; un pc gamer; una tarjeta
        gráfica; el fortnite; el minecraft; el fifa; el ea sports fc; el gta; un mando;
        unos cascos gamer; una silla gamer; el zelda; un videojuego""",
        "d": """subir de rango; montar un pc gamer; pasarme un jefe; jugar online con
        amigos""",
        "m": """qué juegos me recomiendas para la switch; play o xbox para un niño de 10
        años; cómo me paso este jefe; vale la pena el game pass; mi juego va a pocos
        fps""",
    },
    "fashion": {
        "n": """un abrigo; unos vaqueros; unas zapatillas; un traje; un vestido para una
        boda; un outfit; una chaqueta de cuero; unas botas; ropa de invierno; zara;
        un bolso; unas gafas de sol; ropa de marca""",
        "d": """vestirme mejor; combinar colores; elegir un traje; encontrar mi estilo""",
        "m": """qué me pongo para una boda de día; qué zapatos van con un traje gris; ideas
        de outfit para una cita; siguen de moda los vaqueros anchos""",
    },
    "beauty": {
        "n": """una rutina de skincare; crema hidratante; protector solar; retinol; sérum;
        base de maquillaje; rímel; un labial; champú; mascarilla para el pelo; tinte
        para el pelo; un perfume; las uñas de gel; las ojeras; el acné; un corte de
        pelo""",
        "d": """tener la piel limpia; quitar las ojeras; maquillarme rápido; cuidar el pelo
        rizado; teñirme el pelo en casa""",
        "m": """qué rutina de skincare para piel grasa; qué protector solar no deja la
        cara blanca; cada cuánto me lavo el pelo; qué perfume me recomiendas; cómo
        quito los puntos negros""",
    },
    "pets": {
        "n": """un perro; un gato; un cachorro; un gatito; pienso para perros; comida
        para gatos; el veterinario; un arenero; una correa; un collar; un hámster; un
        acuario; las vacunas del perro; un adiestrador""",
        "d": """enseñar a mi perro a sentarse; educar a un cachorro; que mi gato use el
        arenero; adoptar un perro""",
        "m": """mi perro comió chocolate qué hago; por qué mi gato me muerde; cuántas veces
        al día come un cachorro; mi perro no para de rascarse; qué raza de perro para un
        piso pequeño""",
    },
    "parenting": {
        "n": """mi bebé; un carrito de bebé; pañales; una silla de coche; la lactancia;
        la guardería; las rabietas; mi hijo adolescente; juguetes para un niño de dos
        años; la papilla; la cuna; el colegio de mi hija""",
        "d": """dormir al bebé; quitar el pañal; poner límites a mi hijo; elegir guardería;
        que mi hijo coma verdura""",
        "m": """mi bebé no duerme por la noche; cómo manejo las rabietas de mi hijo de 3
        años; a qué edad empiezan a hablar los bebés; actividades para niños un día de
        lluvia; mi hijo adolescente no me habla""",
    },
    "personal_finance": {
        "n": """ahorrar dinero; un presupuesto; una cuenta de ahorro; una tarjeta de
        crédito; una hipoteca; un préstamo; fondos indexados; acciones; bitcoin; la
        declaración de la renta; mi jubilación; un plan de pensiones; las deudas; cetes;
        mi afore""",
        "d": """ahorrar más; salir de deudas; empezar a invertir; hacer un presupuesto;
        pagar menos impuestos""",
        "m": """cómo empiezo a invertir con poco dinero; es mejor alquilar o comprar; cuánto
        debería ahorrar al mes; qué son los fondos indexados; cómo salgo de las deudas de
        la tarjeta""",
    },
    "cars": {
        "n": """un coche nuevo; un carro usado; un coche eléctrico; un híbrido; el seguro
        del coche; el cambio de aceite; las llantas; los neumáticos; los frenos; la
        batería del coche; la itv; un taller mecánico; un suv; un tesla""",
        "d": """comprar un coche usado; cambiar una rueda; ahorrar gasolina; arrancar el
        coche con pinzas""",
        "m": """qué coche me compro por 15 mil euros; mi carro hace un ruido al frenar;
        cada cuánto cambio el aceite; vale la pena un coche eléctrico; se encendió la luz
        del motor""",
    },
    "tech": {
        "n": """un móvil; un celular; un iphone; un samsung; un portátil; una laptop; una
        tablet; unos audífonos; unos auriculares; un reloj inteligente; el wifi; un
        router; una impresora; la batería del móvil; el bluetooth; un cargador; una
        computadora""",
        "d": """acelerar mi portátil; arreglar el wifi; pasar mis fotos al ordenador; hacer
        una copia de seguridad; conectar los auriculares bluetooth""",
        "m": """qué celular me compro por 300 dólares; mi portátil va lentísimo; la batería
        de mi móvil dura muy poco; por qué no se conecta mi bluetooth; iphone o
        samsung""",
    },
    "music": {
        "n": """un concierto; entradas para un concierto; un festival; spotify; una
        playlist; una guitarra; un piano; un teclado; clases de canto; reguetón; bad
        bunny; rosalía; karol g; vinilos; un ukelele; la batería""",
        "d": """aprender a tocar la guitarra; cantar mejor; hacer música; conseguir
        entradas""",
        "m": """canciones parecidas a las de shakira; cuánto se tarda en aprender piano;
        cuándo sale el nuevo disco de bad bunny; hazme una playlist para el gimnasio;
        qué guitarra para empezar""",
    },
    "movies": {
        "n": """una película; una peli; una serie; netflix; disney plus; el cine; una
        película de terror; una comedia romántica; un documental; los óscar; marvel;
        una telenovela; un anime""",
        "d": """encontrar una peli para hoy; ver las pelis de marvel en orden""",
        "m": """qué película veo esta noche; series parecidas a la casa de papel; mejores
        películas de terror; de qué trata la nueva de dune; qué hay nuevo en
        netflix""",
    },
    "books": {
        "n": """un libro; una novela; un kindle; audiolibros; un club de lectura; una saga
        de fantasía; una novela romántica; un thriller; una biografía; poesía; gabriel
        garcía márquez; isabel allende""",
        "d": """leer más; encontrar mi próximo libro; volver a leer""",
        "m": """qué libro me recomiendas después de cien años de soledad; libros parecidos
        a harry potter; vale la pena un kindle; novelas cortas para el verano""",
    },
    "sports": {
        "n": """el fútbol; la liga; el real madrid; el barça; la champions; el mundial;
        la fórmula 1; el pádel; el tenis; el baloncesto; la nba; el partido; una
        camiseta de fútbol; la selección; la liga mx; el boxeo""",
        "d": """mejorar en pádel; conseguir entradas para el partido; aprender a
        esquiar""",
        "m": """quién ganó el partido de ayer; a qué hora juega el madrid; cómo va la
        clasificación de la liga; cuándo es la próxima carrera de f1; quién ganará la
        champions""",
    },
    "home_garden": {
        "n": """un sofá; un colchón; una alfombra; cortinas; la pintura de la pared; la
        cocina; el baño; un grifo; la lavadora; el lavavajillas; un robot aspirador;
        la humedad; el moho; muebles de ikea; la terraza; un taladro""",
        "d": """pintar una habitación; arreglar un grifo; quitar la humedad; decorar un
        piso pequeño; colgar una estantería; desatascar el fregadero""",
        "m": """de qué color pinto el salón; cómo quito el moho del baño; qué robot
        aspirador me compro; mi lavadora no centrifuga; ideas para decorar un piso
        pequeño""",
    },
    "photography": {
        "n": """una cámara; una cámara réflex; una cámara sin espejo; un objetivo; un
        trípode; lightroom; fotos nocturnas; retratos; un dron; una gopro; la apertura;
        la velocidad de obturación""",
        "d": """hacer mejores fotos; editar fotos; hacer fotos de noche; desenfocar el
        fondo""",
        "m": """qué cámara para empezar en fotografía; qué objetivo para retratos; cómo
        hago fotos de la luna; canon o sony""",
    },
    "gardening": {
        "n": """el huerto; tomates; semillas; abono; compost; el césped; plantas de
        interior; una suculenta; una monstera; las rosas; los pulgones; macetas; un
        cortacésped; hierbas aromáticas""",
        "d": """cultivar tomates; cuidar plantas de interior; podar rosales; quitar las
        malas hierbas; plantar un huerto""",
        "m": """por qué se secan las hojas de mi planta; cuándo planto tomates; cada cuánto
        riego una suculenta; cómo quito los pulgones; qué plantas aguantan la sombra""",
    },
    "cycling": {
        "n": """una bici; una bicicleta de carretera; una bici de montaña; una bici
        eléctrica; un casco; un candado; las luces de la bici; un pinchazo; la cadena
        de la bici; un rodillo; el tour de francia""",
        "d": """arreglar un pinchazo; ajustar los cambios; ir en bici al trabajo""",
        "m": """qué talla de bici necesito; bici de carretera o gravel; se me sale la
        cadena de la bici; qué bici eléctrica me compro""",
    },
    "wine": {
        "n": """vino; vino tinto; vino blanco; un rioja; un ribera del duero; un malbec;
        cava; champán; una bodega; una cata de vinos; un sommelier""",
        "d": """elegir un vino; maridar vino con comida; conservar el vino""",
        "m": """qué vino va con el pescado; un buen tinto por menos de 10 euros; cuánto
        dura un vino abierto; diferencia entre crianza y reserva""",
    },
    "camping": {
        "n": """una tienda de campaña; un saco de dormir; una esterilla; un camping; una
        autocaravana; una furgoneta camper; un hornillo; una nevera portátil; una
        linterna; una hoguera""",
        "d": """ir de camping; montar una tienda; no pasar frío acampando""",
        "m": """qué llevo para ir de camping; mejor tienda de campaña para 4; dónde puedo
        acampar gratis; cómo no paso frío en la tienda""",
    },
    "religion": {
        "n": """la iglesia; la biblia; rezar; dios; la misa; el rosario; la virgen; la
        semana santa; la cuaresma; el ramadán; la mezquita; el corán; la comida halal;
        la sinagoga; el bautizo; la primera comunión; la confesión; mi fe""",
        "d": """rezar; encontrar una iglesia; prepararme para la confirmación; ayunar en
        ramadán; volver a la fe""",
        "m": """qué dice la biblia sobre el perdón; es pecado no ir a misa; restaurantes
        halal cerca de mí; cómo rezo el rosario; estoy perdiendo la fe; a qué hora es la
        misa del domingo""",
    },
    "sexual_orientation": {
        "n": """ser gay; ser lesbiana; ser bisexual; salir del armario; el orgullo; lgbt;
        un bar gay; el matrimonio igualitario; mi orientación sexual; ser queer""",
        "d": """salir del armario; decirle a mis padres que soy gay; aceptar mi
        sexualidad""",
        "m": """cómo sé si soy bisexual; creo que soy gay; mis padres no aceptan que soy
        lesbiana; hoteles gay friendly en méxico""",
    },
    "politics": {
        "n": """las elecciones; votar; un partido político; el presidente; el gobierno; el
        congreso; el senado; una manifestación; la izquierda; la derecha; las
        encuestas; un candidato; la reforma""",
        "d": """votar por correo; decidir mi voto; entender las elecciones""",
        "m": """a quién voto en las elecciones; qué propone cada partido; cuándo son las
        elecciones; qué opinas del presidente; cómo voto desde el extranjero""",
    },
    "health": {
        "n": """dolor de cabeza; la ansiedad; la depresión; un psicólogo; el médico; la
        tensión alta; la diabetes; el colesterol; un bulto; fiebre; gripe; covid;
        antibióticos; ibuprofeno; antidepresivos; el insomnio; el embarazo; la regla;
        dolor de espalda; ataques de pánico; mis análisis de sangre;
        el lupus; la gota; la artritis; el párkinson; el alzhéimer; la epilepsia; la esclerosis
        múltiple; el cáncer de mama; la leucemia; la hepatitis; el vih; el herpes; la psoriasis;
        el hipotiroidismo; las piedras en el riñón; el colon irritable; la celiaquía; la
        endometriosis; el ovario poliquístico; la menopausia; la anemia; la fibromialgia; el
        glaucoma; las cataratas; el tdah; el autismo; el trastorno bipolar; la neumonía; un
        ictus; un infarto""",
        "d": """dormir mejor con insomnio; controlar la ansiedad; bajar la tensión; salir
        de una depresión; quedarme embarazada""",
        "m": """creo que tengo depresión; tengo ansiedad todo el tiempo; llevo 3 días con
        fiebre; me duele el pecho al respirar; puedo tomar ibuprofeno embarazada;
        síntomas de la diabetes; me salió un bulto en el cuello""",
    },
    "ethnicity": {
        "n": """el racismo; mis raíces; mi herencia indígena; la discriminación; ser
        mestizo; la cultura afro; los pueblos originarios; mis antepasados""",
        "d": """responder a un comentario racista; conocer mis raíces""",
        "m": """cómo respondo al racismo en el trabajo; me discriminan por ser latino;
        quiero saber más de mis raíces mapuches""",
    },
    "philosophy": {
        "n": """el sentido de la vida; el libre albedrío; el estoicismo; el
        existencialismo; la ética; la moral; nietzsche; sócrates; la muerte; el
        nihilismo""",
        "d": """encontrarle sentido a la vida; vivir como un estoico""",
        "m": """cuál es el sentido de la vida; tenemos libre albedrío; qué diría un estoico;
        qué quiso decir nietzsche""",
    },
    "trade_union": {
        "n": """un sindicato; una huelga; la cuota sindical; un delegado sindical; el
        convenio colectivo; un piquete; los derechos laborales""",
        "d": """afiliarme a un sindicato; hacer huelga; montar un sindicato""",
        "m": """me pueden despedir por estar en un sindicato; cómo funciona una huelga;
        vale la pena afiliarse al sindicato""",
    },
    "genetics": {
        "n": """una prueba de adn; un test genético; una enfermedad hereditaria; el gen
        brca""",
        "d": """hacerme un test genético""",
        "m": """son fiables los test de adn; mi enfermedad es hereditaria""",
    },
    "biometrics": {
        "n": """mi huella dactilar; el reconocimiento facial; el face id; mis datos
        biométricos""",
        "d": """borrar mis datos biométricos""",
        "m": """quién guarda mi huella; es legal el reconocimiento facial en tiendas""",
    },
    "sex_life": {
        "n": """el sexo; la libido; los condones; los anticonceptivos; la disfunción
        eréctil; mi vida sexual""",
        "d": """mejorar mi vida sexual; hablar de sexo con mi pareja""",
        "m": """es normal no tener ganas de sexo; cómo durar más en la cama""",
    },
    "no_ad_topic": {
        "n": """un correo para mi jefe; una carta de presentación; mi currículum; un
        ensayo; un poema; un discurso; un resumen; una traducción; un chiste; un
        recordatorio; una lista de tareas; un problema de matemáticas; una función en
        python; una fórmula de excel""",
        "d": """escribir un correo; corregir mi ortografía; resumir un texto; traducir una
        frase; resolver una ecuación; poner un recordatorio""",
        "m": """por qué el cielo es azul; cuál es la capital de canadá; cuánto es el 15%
        de 80; traduce buenos días al inglés; quién inventó la bombilla; en qué año
        terminó la segunda guerra mundial; cuéntame un chiste; qué significa la palabra
        efímero; qué hora es en tokio; recuérdame llamar a mi madre a las 6; por qué
        bostezamos; cuántos continentes hay; resume este texto; hazme un poema para mi
        abuela; cómo se dice gracias en alemán; resuelve 2x + 4 = 10; qué rima con
        corazón""",
    },
}

NOUN_FRAMES = """{n}; ¿{n}?; recomiéndame {n}; busco {n}; necesito {n}; qué opinas
de {n}; vale la pena {n}; {n} barato; dónde compro {n}; {n} o {n2}; háblame de {n}; qué sabes
de {n}; consejos sobre {n}; ayuda con {n}; una duda sobre {n}; tengo una pregunta sobre {n};
me interesa {n}; estoy pensando en {n}; qué me recomiendas sobre {n}; info sobre {n} porfa;
{n} para principiantes; {n} y {n2}, qué me recomiendas; estoy agobiado con {n}; me
preocupa {n}; me da vergüenza preguntar por {n}; mi pareja y yo discutimos por {n}; estoy
nervioso con {n}, ayuda""".replace("\n", " ")
DOING_FRAMES = """cómo puedo {d}; cómo {d}; quiero {d}; necesito {d}; ayúdame a {d}; consejos
para {d}; es difícil {d}; qué necesito para {d}; cuál es la mejor forma de {d}; me explicas
cómo {d}; nunca he intentado {d}, por dónde empiezo; trucos para {d}; me agobia tener que
{d}; me da miedo {d}; llevo meses intentando {d}""".replace("\n", " ")
PREFIXES = """oye; oye meta; hola; hola meta; a ver; una pregunta; pregunta rápida; perdón si es
tonto pero; wey; oye wey; tío; buenas; mira; bueno; amigo""".replace("\n", " ")
SUFFIXES = """gracias; porfa; por favor; xfa; jaja; ??; plis; ayuda; rápido""".replace("\n", " ")
SLANG = (("por favor", "porfa"), ("que ", "q "), ("qué", "q"), ("también", "tmb"),
         ("porque", "xq"), ("para", "pa"), ("está", "ta"), ("estoy", "toy"),
         ("de verdad", "dvd"))
VOICE_FILLERS = ("eh", "este", "o sea", "pues", "bueno")
LOOK_PREFIXES = """oye meta mira esto,; oye meta qué es esto; mira y dime""".replace("\n", " ")
JOINERS = (" y también ", ". otra cosa: ", ", ah y ", ". por cierto ", " y ")

HARD_NEGATIVES: tuple[tuple[str, str], ...] = (
    ("cómo mato un proceso de python en linux", "no_ad_topic"),
    ("la batería de mi pulsera de actividad dura nada", "tech"),
    ("el bluetooth de mi coche no se conecta con el móvil", "tech"),
    ("mi portátil tiene un virus", "tech"),
    ("canciones de música soul para el domingo", "music"),
    ("la película orgullo y prejuicio cuál versión es mejor", "movies"),
    ("receta de naranja sanguina", "cooking"),
    ("masa muscular sin suplementos", "fitness"),
    ("yoga para principiantes en casa", "fitness"),
    ("mi perro está deprimido desde la mudanza", "pets"),
    ("mi gato está enfermo y no come", "pets"),
    ("la unión de dos tablas en sql", "no_ad_topic"),
    ("qué significa la palabra melancolía", "no_ad_topic"),
    ("la gran depresión de 1929 para mi tarea", "no_ad_topic"),
    ("vestido negro para una fiesta", "fashion"),
    ("tacos mexicanos cerca de mí", "cooking"),
    ("skincare coreano para piel grasa", "beauty"),
    ("rosca de reyes receta", "cooking"),
    ("disfraz de halloween para mi hijo", "parenting"),
    ("la presión de las ruedas de la bici", "cycling"),
)

SENSITIVE_CONTEXTS: dict[str, str] = {
    "health": """estando embarazada; con diabetes; con asma; después de mi operación de
    rodilla; con la tensión alta; tomando antidepresivos; con ansiedad""",
    "religion": """que sea halal; que sea kosher; durante el ramadán; para la cuaresma;
    para mi grupo de la iglesia""",
    "sexual_orientation": """gay friendly; para una pareja de lesbianas; para mi boda con mi
    novio, somos gays; para el orgullo""",
    "politics": """para la campaña electoral; para la manifestación""",
    "trade_union": """para la huelga del sindicato""",
}
