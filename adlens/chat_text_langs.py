"""Chat vocabulary in Spanish, Portuguese and Hindi-English (romanised Hindi mixed with English).

Written for the generator (`adlens.chat_text`), in the same shape as its English lists.
"""

from __future__ import annotations

# Each language: phrases per topic (slot `{x}` of its frames), whole messages per topic, frames
# by phrase kind, chatty openers/closers, people and conversation frames, misspellings, and the
# first words that mark a phrase as personal ("mi ...") or a question ("si ...", "cómo ...").
# "no_ad_topic" holds practical requests with no ad interest (writing, facts, translation).

ES: dict = {
    "phrases": {
        "hiking": (
            "botas de senderismo impermeables", "una ruta de senderismo cerca de Madrid",
            "bastones de trekking", "el Camino de Santiago a pie", "una mochila de día ligera",
            "rutas de montaña en los Pirineos", "subir al Teide", "senderismo con niños",
        ),
        "running": (
            "un plan para correr mi primer 10k", "zapatillas de running para pie plano",
            "mi primera media maratón", "un reloj para correr con GPS",
            "entrenar para un maratón", "salir a correr por la mañana", "correr en montaña",
        ),
        "fitness": (
            "una rutina de gimnasio para principiantes", "entrenar en casa sin material",
            "proteína en polvo", "mancuernas ajustables", "ganar masa muscular",
            "ejercicios de abdominales", "una cuota de gimnasio barata", "el crossfit",
        ),
        "cooking": (
            "una receta rápida de pasta", "una paella para ocho personas",
            "ideas de cena con pollo", "una freidora de aire", "preparar comidas para la semana",
            "una tortilla de patatas jugosa", "un buen cuchillo de cocina", "un gazpacho casero",
        ),
        "coffee": (
            "una cafetera espresso para casa", "un molinillo de café", "café de especialidad",
            "una cafetera italiana", "café frío en casa", "granos de café para espresso",
            "una espumadora de leche",
        ),
        "travel": (
            "vuelos baratos a Lisboa", "un fin de semana en Roma",
            "un hotel cerca de la playa en Cancún", "qué ver en Tokio", "una maleta de cabina",
            "un seguro de viaje", "un itinerario de diez días por Japón",
            "una escapada a Cartagena de Indias",
        ),
        "gaming": (
            "unos auriculares gaming", "los mejores juegos de PS5", "una silla gamer",
            "juegos de Switch para dos jugadores", "un portátil gaming barato", "el nuevo Zelda",
            "un mando para PC", "el Fortnite",
        ),
        "fashion": (
            "un abrigo de invierno", "zapatillas blancas que combinen con todo",
            "qué ponerme para una boda", "un armario cápsula", "vaqueros para hombres altos",
            "un bolso de cuero", "ropa para ir a la oficina", "unas botas de invierno bonitas",
        ),
        "beauty": (
            "una crema hidratante para piel seca", "una rutina de cuidado facial",
            "protector solar para piel grasa", "el retinol", "un sérum de vitamina C",
            "un champú anticaspa", "un corte de pelo para cara redonda", "un perfume de verano",
        ),
        "pets": (
            "comida para un cachorro", "un gato que araña el sofá",
            "un arnés para perro pequeño", "adoptar un gato", "un veterinario cerca",
            "arena para gatos que no huela", "juguetes para un perro aburrido",
        ),
        "parenting": (
            "un carrito de bebé", "los horarios de sueño del bebé",
            "una silla de coche para niños", "quitar el pañal",
            "actividades para un niño de cinco años", "una guardería cerca de casa",
            "las rabietas de mi hijo",
        ),
        "personal_finance": (
            "una cuenta de ahorro con buen interés", "fondos indexados",
            "pagar mi tarjeta de crédito", "una app de presupuesto",
            "ahorrar para la entrada de un piso", "mi declaración de la renta",
            "una hipoteca a tipo fijo", "un fondo de emergencia",
        ),
        "cars": (
            "un coche eléctrico", "neumáticos de invierno", "un coche de segunda mano",
            "el seguro del coche", "un SUV híbrido", "cargar un coche eléctrico en casa",
            "el cambio de aceite", "un carro familiar de siete plazas",
        ),
        "tech": (
            "un móvil nuevo", "auriculares con cancelación de ruido",
            "un portátil para la universidad", "iPhone o Samsung", "un reloj inteligente",
            "un router wifi", "mi portátil que va lentísimo", "una tablet para dibujar",
        ),
        "music": (
            "entradas para un concierto", "aprender a tocar la guitarra",
            "unos altavoces buenos", "un tocadiscos", "canciones parecidas a Bad Bunny",
            "clases de piano para adultos", "una lista de reproducción para el gimnasio",
        ),
        "movies": (
            "una peli para esta noche", "la nueva película de Marvel",
            "películas de terror que den miedo de verdad", "una plataforma de streaming",
            "los Óscar de este año", "una serie como La casa de papel",
            "películas para ver en familia",
        ),
        "books": (
            "una buena novela negra", "libros como Cien años de soledad", "un Kindle",
            "un libro para mi club de lectura", "audiolibros para el trayecto",
            "una saga de fantasía", "un libro de historia",
        ),
        "sports": (
            "entradas para el Clásico", "la clasificación de LaLiga", "una camiseta de fútbol",
            "clases de pádel", "el calendario de la Fórmula 1", "el partido de esta noche",
            "la Copa Libertadores",
        ),
        "home_garden": (
            "un sofá nuevo", "pintar el salón", "un robot aspirador",
            "ideas para un piso pequeño", "un grifo que gotea", "un colchón nuevo",
            "humedad en el baño", "una reforma de la cocina",
        ),
        "photography": (
            "una cámara sin espejo", "un objetivo para retratos", "editar fotos en Lightroom",
            "un trípode de viaje", "la fotografía nocturna", "una cámara para vlogs",
            "una cámara analógica",
        ),
        "gardening": (
            "tomates en el balcón", "un huerto urbano", "plantas de interior fáciles de cuidar",
            "una planta con hojas amarillas", "el compost casero", "podar los rosales",
            "semillas de hierbas aromáticas",
        ),
        "cycling": (
            "una bicicleta de carretera", "una bici eléctrica para ir al trabajo",
            "un casco de bici", "un candado para la bici", "un pinchazo en la bici",
            "una ruta en bici por la costa", "la altura del sillín",
        ),
        "wine": (
            "un vino tinto por menos de 15 euros", "un vino para acompañar carne",
            "un Rioja para una cena", "una vinoteca", "una cata de vinos en La Rioja",
            "un cava para brindar", "un malbec argentino",
        ),
        "camping": (
            "una tienda de campaña para dos", "un saco de dormir para el frío",
            "un hornillo de camping", "acampar cerca de un lago", "un camping en la playa",
            "una linterna frontal", "una autocaravana de alquiler",
        ),
        "religion": (
            "el ayuno de Ramadán", "una misa en inglés", "explicar la Cuaresma a mis hijos",
            "convertirme al judaísmo", "una mezquita cerca de mi trabajo",
            "un grupo de estudio de la Biblia", "el significado de la Semana Santa",
            "rezar el rosario",
        ),
        "sexual_orientation": (
            "salir del armario con mis padres", "bares LGBT en Madrid",
            "decirle a mis amigos que soy bisexual", "el Orgullo este verano",
            "si podría ser gay", "grupos de apoyo para jóvenes gays",
            "tener pareja siendo lesbiana en un pueblo",
        ),
        "politics": (
            "a quién votar en las próximas elecciones", "la nueva ley de inmigración",
            "los programas de los partidos", "una manifestación este fin de semana",
            "las últimas encuestas electorales", "el debate de anoche",
            "la subida del salario mínimo",
        ),
        "health": (
            "un sarpullido que no se va", "mi tensión arterial",
            "los efectos secundarios de la metformina", "medicación para la ansiedad",
            "un psicólogo cerca de mí", "migrañas cada semana", "mi colesterol alto",
            "la depresión", "mi diabetes tipo 2", "una tos que no se quita",
        ),
        "ethnicity": (
            "las raíces de mi familia en Nigeria", "el racismo en el trabajo",
            "la cultura indígena de mis abuelos", "crecer siendo mestizo",
            "la historia del pueblo gitano", "negocios de dueños afrodescendientes",
        ),
        "philosophy": (
            "el estoicismo para principiantes", "si existe el libre albedrío",
            "lo que quería decir Nietzsche", "el existencialismo", "el sentido de la vida",
            "el dilema del tranvía", "el ateísmo y el agnosticismo",
        ),
        "trade_union": (
            "afiliarme a un sindicato", "la votación de huelga de mi sindicato",
            "la cuota sindical", "la negociación colectiva", "un delegado sindical",
            "qué pasa si hacemos huelga",
        ),
        "genetics": (
            "mis resultados de ADN", "la prueba del gen BRCA",
            "si mi enfermedad es hereditaria", "un consejero genético",
            "un kit de ancestría por ADN",
        ),
        "biometrics": (
            "mis huellas dactilares", "el reconocimiento facial en el aeropuerto",
            "un escáner de iris", "quién guarda mi Face ID", "pagar con la palma de la mano",
        ),
        "sex_life": (
            "la falta de deseo sexual", "el sexo seguro", "problemas de erección",
            "el sexo después de tener un bebé", "un terapeuta sexual",
        ),
        "no_ad_topic": (
            "un correo a mi casero", "una carta de presentación",
            "mi ensayo sobre la Revolución Francesa", "un mensaje de cumpleaños para mi tía",
            "un poema sobre el otoño", "este párrafo", "un resumen de este artículo",
            "un discurso para la boda de mi hermano", "un correo a mi jefe",
        ),
    },
    "messages": {
        "hiking": (
            "quiero hacer una ruta por los Picos de Europa, ¿qué botas me compro?",
            "¿cuánto se tarda en subir al Mulhacén?",
            "¿es peligroso hacer senderismo solo en los Andes?",
            "¿qué me pongo para una caminata de 15 km en la montaña?",
        ),
        "running": (
            "hoy corrí 5 km en 31 minutos, ¿cómo bajo de 30?",
            "¿cuántos kilómetros a la semana para una media maratón?",
            "me duelen las rodillas cuando corro, ¿qué zapatillas me recomiendas?",
            "¿es malo correr en ayunas?",
        ),
        "fitness": (
            "dame una rutina de cuerpo completo de 30 minutos",
            "¿cuánta proteína necesito para ganar músculo?",
            "¿es bueno ir al gimnasio todos los días?",
            "¿cómo hago mi primera dominada?",
        ),
        "cooking": (
            "¿qué puedo cocinar con huevos, espinacas y queso?",
            "¿cuánto tiempo se asa un pollo entero?",
            "la salsa me quedó muy salada, ¿cómo lo arreglo?",
            "dame una receta de arepas fácil",
        ),
        "coffee": (
            "¿por qué mi espresso sale ácido?",
            "¿cuánto café pongo en una prensa francesa?",
            "¿qué diferencia hay entre un cortado y un flat white?",
            "¿vale la pena una cafetera De'Longhi?",
        ),
        "travel": (
            "voy a Barcelona cuatro días, ¿qué me recomiendas ver?",
            "¿necesito visado para ir a Tailandia con pasaporte mexicano?",
            "¿qué llevo en la maleta para Islandia en febrero?",
            "¿Oaxaca o Cancún para unas vacaciones tranquilas?",
        ),
        "gaming": (
            "¿vale la pena la PS5 Pro?", "juegos parecidos a Stardew Valley",
            "mi mando tiene drift, ¿qué hago?",
            "¿qué Xbox le compro a mi hijo por Navidad?",
        ),
        "fashion": (
            "¿qué zapatos van con un traje azul marino?",
            "¿se puede ir de negro a una boda?",
            "necesito un outfit para una primera cita, casual pero arreglado",
            "¿siguen de moda los pantalones anchos?",
        ),
        "beauty": (
            "tengo la piel muy seca en invierno, ¿qué crema uso?",
            "¿puedo usar retinol y vitamina C juntos?",
            "¿cómo evito el frizz en el pelo?",
            "¿cada cuánto hay que exfoliarse la cara?",
        ),
        "pets": (
            "mi perro ladra toda la noche, ¿qué hago?",
            "¿cada cuánto le doy de comer a un gatito de tres meses?",
            "mi gata no come desde ayer, ¿me preocupo?",
            "¿por qué mi perro come hierba?",
        ),
        "parenting": (
            "mi hijo de dos años no duerme toda la noche, ¿algún consejo?",
            "¿cómo consigo que mi hija haga los deberes sin pelear?",
            "¿a qué edad empiezan a gatear los bebés?",
            "ideas para un cumpleaños infantil en casa",
        ),
        "personal_finance": (
            "¿cuánto debería tener en un fondo de emergencia?",
            "¿es mejor pagar deudas o invertir?",
            "tengo 5000 euros ahorrados, ¿qué hago con ellos?",
            "explícame el interés compuesto",
        ),
        "cars": (
            "¿vale la pena un coche eléctrico si no puedo cargar en casa?",
            "se me encendió la luz del motor, ¿puedo seguir conduciendo?",
            "¿cada cuánto hay que cambiar el aceite?",
            "¿qué carro usado me compro con 10 mil dólares?",
        ),
        "tech": (
            "mi portátil va muy lento, ¿cómo lo acelero?",
            "¿cuál es el mejor móvil barato ahora mismo?",
            "¿cómo paso mis chats de WhatsApp a un móvil nuevo?",
            "¿por qué se me corta el wifi?",
        ),
        "music": (
            "canciones para un viaje en carretera",
            "¿cuánto se tarda en aprender guitarra de adulto?",
            "recomiéndame algo parecido a Rosalía",
            "¿cómo consigo entradas antes de que se agoten?",
        ),
        "movies": (
            "¿qué veo esta noche? algo divertido",
            "películas parecidas a Interstellar",
            "explícame el final de Origen",
            "¿qué hay de nuevo en Netflix esta semana?",
        ),
        "books": (
            "recomiéndame un libro como La sombra del viento",
            "¿qué leo después de terminar Harry Potter?",
            "¿vale la pena el Kindle Paperwhite?",
            "un libro corto para leer en el avión",
        ),
        "sports": (
            "¿quién ganó el partido anoche?", "explícame la regla del fuera de juego",
            "¿a qué hora es la carrera de F1 el domingo?", "¿cómo mejoro en pádel?",
        ),
        "home_garden": (
            "¿de qué color pinto un dormitorio que da al norte?",
            "¿cómo quito el moho del baño?",
            "¿cómo desatasco el fregadero sin químicos?",
            "ideas para que el salón parezca más grande",
        ),
        "photography": (
            "¿qué ajustes uso para fotografiar la aurora boreal?",
            "¿cómo consigo el fondo desenfocado en los retratos?",
            "¿vale la pena disparar en RAW?",
            "¿Sony o Fuji para empezar en fotografía?",
        ),
        "gardening": (
            "¿por qué se ponen amarillas las hojas de mis tomates?",
            "¿cuándo planto patatas?", "¿qué puedo cultivar en un balcón con sombra?",
            "¿cómo quito los pulgones de los rosales?",
        ),
        "cycling": (
            "¿qué talla de bici necesito si mido 1,78?",
            "¿vale la pena una bici eléctrica para 12 km al trabajo?",
            "¿qué presión le pongo a las ruedas de la bici de carretera?",
            "¿cada cuánto engraso la cadena de la bici?",
        ),
        "wine": (
            "¿qué vino va con salmón?", "recomiéndame un Ribera del Duero para una cena",
            "¿cuánto dura una botella de tinto abierta?",
            "¿qué diferencia hay entre cava y champán?",
        ),
        "camping": (
            "¿qué necesito para mi primera acampada?",
            "¿cómo evito que se moje la tienda si llueve toda la noche?",
            "¿es legal la acampada libre en Asturias?",
            "comidas fáciles para hacer de camping",
        ),
        "religion": (
            "¿a qué hora termina el ayuno hoy?", "explícame la Santísima Trinidad",
            "¿cómo rezo si nunca he rezado?", "¿qué dice el Corán sobre el perdón?",
        ),
        "sexual_orientation": (
            "¿cómo sé si soy bisexual?",
            "mi hijo me acaba de decir que es gay, ¿cómo lo apoyo?",
            "¿cómo le digo a mi familia que soy lesbiana?",
            "¿es seguro viajar a Dubái como pareja gay?",
        ),
        "politics": (
            "¿a quién voto si me importa la vivienda?",
            "¿cuándo son las próximas elecciones generales?",
            "explícame la nueva reforma de pensiones del gobierno",
            "¿qué diferencia hay entre los dos partidos grandes en impuestos?",
        ),
        "health": (
            "llevo tres días con dolor de cabeza, ¿voy al médico?",
            "¿es alta una tensión de 150/95?",
            "creo que estoy deprimido, no tengo ganas de nada",
            "¿puedo tomar ibuprofeno con antidepresivos?",
            "¿cuáles son los primeros síntomas de la diabetes?",
        ),
        "ethnicity": (
            "¿cómo respondo a comentarios racistas de un compañero?",
            "mi abuela era mapuche, ¿dónde aprendo sobre su cultura?",
            "¿de dónde viene mi apellido? es de origen africano",
        ),
        "philosophy": (
            "¿tiene sentido algo, sinceramente?", "explícame el estoicismo en tres frases",
            "¿tenemos libre albedrío o todo está determinado?",
        ),
        "trade_union": (
            "¿me pueden despedir por afiliarme a un sindicato?",
            "¿cómo creo un sindicato en mi empresa?",
            "¿qué pasa con mi sueldo si vamos a la huelga?",
        ),
        "genetics": (
            "mi test de ADN dice que soy portador de fibrosis quística, ¿qué significa?",
            "¿me hago la prueba del BRCA si mi madre tuvo cáncer de mama?",
            "¿son fiables los test de ancestría por ADN?",
        ),
        "biometrics": (
            "¿mi móvil envía mi huella a algún sitio?",
            "¿pueden las tiendas usar reconocimiento facial conmigo?",
            "¿cómo borro mis datos faciales de una app?",
        ),
        "sex_life": (
            "¿cómo hablo con mi pareja de lo que quiero en la cama?",
            "¿es normal tener poco deseo sexual después de un bebé?",
            "¿cuál es el anticonceptivo más fiable?",
        ),
        "no_ad_topic": (
            "¿por qué el cielo es azul?", "¿cuál es la capital de Australia?",
            "traduce 'nos vemos mañana' al inglés", "¿cuánto es el 18% de 240?",
            "escribe un poema corto sobre la luna", "corrige este texto por favor",
            "¿quién fue la primera persona en pisar la luna?", "cuéntame un chiste",
            "explícame la fotosíntesis de forma sencilla", "¿qué significa 'efímero'?",
            "ayúdame a escribir un correo para pedir el viernes libre",
            "¿cómo se dice gracias en japonés?", "dame un dato curioso",
            "¿cuántos días faltan para Navidad?", "resume este texto en tres frases",
            "¿por qué hay mareas?", "¿qué hora es en Nueva York?",
            "hazme una lista de tareas para mañana",
        ),
    },
    "templates": {
        "thing": (
            "¿me das consejos sobre {x}?", "necesito ayuda con {x}", "háblame de {x}",
            "estoy pensando en {x}", "¿qué sabes de {x}?", "una pregunta sobre {x}",
            "¿me puedes ayudar con {x}?", "¿qué opinas de {x}?", "quiero saber más sobre {x}",
            "oye meta, {x}, ¿alguna recomendación?", "busco información sobre {x}",
            "mi amiga me habló de {x}, ¿qué piensas?",
        ),
        "personal": (
            "necesito ayuda con {x}", "una pregunta sobre {x}", "¿me puedes ayudar con {x}?",
            "estoy preocupado por {x}", "¿qué hago con {x}?", "tengo una duda sobre {x}",
        ),
        "question": (
            "una pregunta: {x}", "¿me puedes decir {x}?", "me pregunto {x}",
            "no sé {x}, ¿alguna idea?", "oye meta, {x}",
        ),
        "task": (
            "ayúdame a escribir {x}", "¿puedes corregir {x}?", "escríbeme {x}",
            "revisa {x} por favor", "mejora {x}, que suene más profesional",
        ),
    },
    "mix": (
        " y también, ¿alguna idea sobre {x}?", ". Otra cosa: {x}", " ah, y {x} también",
        ". Por cierto, ¿qué sabes de {x}?",
    ),
    "openers": ("oye meta, ", "hola! ", "a ver, ", "una pregunta rápida: ", "oye, "),
    "closers": (" gracias!", " porfa", " :)", " jaja", " xfa"),
    "misspellings": (
        ("por favor", "porfa"), ("que ", "q "), ("también", "tambien"), ("qué", "que"),
        ("está", "esta"), ("cómo", "como"), ("porque", "xq"), ("para", "pa"),
        ("hacer", "acer"), ("vale la pena", "vale la pena"),
    ),
    "people": (
        "mi hermana", "mi hermano", "un compañero de trabajo", "mi pareja", "mi madre",
        "mi padre", "Lucía", "Carlos", "unos amigos", "mi vecina", "mi mejor amiga",
    ),
    "conversation": (
        "Hablé con {who} sobre {x}", "{who} mencionó {x} en la cena",
        "Charlé con {who} sobre {x} tomando un café", "{who} me preguntó por {x}",
        "Llamada con {who}, hablamos de {x}", "{who} me contó lo de {x}",
    ),
    "conversation_no_topic": (
        "el tiempo", "su nuevo trabajo", "los amigos del colegio", "lo que hicimos el finde",
        "nada en especial", "el tráfico de esta mañana", "los planes del domingo",
    ),
    "contractions": ((" de el ", " del "), (" a el ", " al ")),
    "personal_words": ("mi", "mis"),
    "question_words": ("si", "cómo", "qué", "cuándo", "dónde", "cuál", "a"),
}

PT: dict = {
    "phrases": {
        "hiking": (
            "botas de trilha impermeáveis", "uma trilha perto do Rio",
            "bastões de caminhada", "a trilha da Pedra da Gávea", "uma mochila leve de trilha",
            "trilhas na Chapada Diamantina", "fazer trilha com crianças",
        ),
        "running": (
            "um plano para correr meus primeiros 10 km", "tênis de corrida para pé chato",
            "minha primeira meia maratona", "um relógio de corrida com GPS",
            "treinar para uma maratona", "correr de manhã cedo",
        ),
        "fitness": (
            "um treino de academia para iniciantes", "treinar em casa sem equipamento",
            "whey protein", "halteres ajustáveis", "ganhar massa muscular",
            "exercícios de abdômen", "uma academia barata perto de casa",
        ),
        "cooking": (
            "uma receita rápida de macarrão", "uma feijoada para oito pessoas",
            "ideias de jantar com frango", "uma air fryer", "marmitas para a semana",
            "um pão de queijo caseiro", "uma faca de chef boa",
        ),
        "coffee": (
            "uma máquina de espresso para casa", "um moedor de café", "café especial",
            "uma cafeteira italiana", "café coado no filtro", "grãos de café para espresso",
            "um cold brew em casa",
        ),
        "travel": (
            "passagens baratas para Lisboa", "um fim de semana em Roma",
            "um hotel perto da praia em Florianópolis", "o que fazer em Tóquio",
            "uma mala de bordo", "seguro viagem", "um roteiro de dez dias no Japão",
            "uma viagem para Fernando de Noronha",
        ),
        "gaming": (
            "um headset gamer", "os melhores jogos de PS5", "uma cadeira gamer",
            "jogos de Switch para dois jogadores", "um notebook gamer barato",
            "o novo Zelda", "um controle para PC",
        ),
        "fashion": (
            "um casaco de inverno", "um tênis branco que combine com tudo",
            "o que vestir num casamento", "um guarda-roupa cápsula", "calça jeans para homem alto",
            "uma bolsa de couro", "roupa para o trabalho",
        ),
        "beauty": (
            "um hidratante para pele seca", "uma rotina de skincare",
            "protetor solar para pele oleosa", "o retinol", "um sérum de vitamina C",
            "um shampoo anticaspa", "produtos para cabelo cacheado",
        ),
        "pets": (
            "ração para filhote", "um gato que arranha o sofá",
            "uma coleira peitoral para cachorro pequeno", "adotar um gato",
            "um veterinário perto de casa", "areia de gato que não cheira",
        ),
        "parenting": (
            "um carrinho de bebê", "a rotina de sono do bebê", "uma cadeirinha de carro",
            "o desfralde", "atividades para uma criança de cinco anos",
            "uma creche perto de casa", "as birras do meu filho",
        ),
        "personal_finance": (
            "uma conta que rende mais que a poupança", "fundos de índice",
            "pagar o cartão de crédito", "um app de orçamento",
            "juntar dinheiro para a entrada de um apartamento",
            "minha declaração do imposto de renda",
            "o Tesouro Direto", "uma reserva de emergência",
        ),
        "cars": (
            "um carro elétrico", "pneus novos", "um carro usado", "o seguro do carro",
            "um SUV híbrido", "carregar um carro elétrico em casa", "a troca de óleo",
        ),
        "tech": (
            "um celular novo", "fones com cancelamento de ruído",
            "um notebook para a faculdade", "iPhone ou Samsung", "um smartwatch",
            "um roteador wifi", "meu notebook que está muito lento",
        ),
        "music": (
            "ingressos para um show", "aprender a tocar violão", "umas caixas de som boas",
            "uma vitrola", "músicas parecidas com Anitta", "aulas de piano para adultos",
            "uma playlist para a academia",
        ),
        "movies": (
            "um filme para hoje à noite", "o novo filme da Marvel",
            "filmes de terror que dão medo de verdade", "um serviço de streaming",
            "o Oscar deste ano", "uma série parecida com Cidade de Deus",
        ),
        "books": (
            "um bom romance policial", "livros parecidos com O Alquimista", "um Kindle",
            "um livro para o meu clube do livro", "audiolivros para o trajeto",
            "uma saga de fantasia",
        ),
        "sports": (
            "ingressos para o clássico no Maracanã", "a tabela do Brasileirão",
            "uma camisa de futebol", "aulas de tênis", "o calendário da Fórmula 1",
            "o jogo de hoje à noite", "a Copa Libertadores",
        ),
        "home_garden": (
            "um sofá novo", "pintar a sala", "um robô aspirador",
            "ideias para um apartamento pequeno", "uma torneira pingando", "um colchão novo",
            "mofo no banheiro",
        ),
        "photography": (
            "uma câmera mirrorless", "uma lente para retrato", "editar fotos no Lightroom",
            "um tripé de viagem", "fotografia noturna", "uma câmera para vlog",
        ),
        "gardening": (
            "tomate na varanda", "uma horta em casa", "plantas de interior fáceis de cuidar",
            "uma planta com folhas amarelas", "compostagem caseira", "podar roseiras",
        ),
        "cycling": (
            "uma bicicleta speed", "uma bike elétrica para ir ao trabalho",
            "um capacete de bike", "um cadeado para bike", "um pneu furado na bike",
            "uma ciclovia na orla",
        ),
        "wine": (
            "um vinho tinto até 80 reais", "um vinho para acompanhar carne",
            "um vinho do Douro para um jantar", "uma adega climatizada",
            "degustação de vinhos no Vale dos Vinhedos", "um espumante para brindar",
        ),
        "camping": (
            "uma barraca para duas pessoas", "um saco de dormir para o frio",
            "um fogareiro de camping", "acampar perto de uma cachoeira",
            "um camping na praia", "uma lanterna de cabeça",
        ),
        "religion": (
            "o jejum do Ramadã", "uma missa em inglês", "explicar a Quaresma para meus filhos",
            "me converter ao judaísmo", "uma mesquita perto do trabalho",
            "um grupo de estudo da Bíblia", "o candomblé e a umbanda",
        ),
        "sexual_orientation": (
            "sair do armário para os meus pais", "bares LGBT em São Paulo",
            "contar para os amigos que sou bi", "a Parada do Orgulho este ano",
            "se eu posso ser gay", "grupos de apoio para jovens gays",
        ),
        "politics": (
            "em quem votar na próxima eleição", "a nova lei de imigração",
            "as propostas dos candidatos", "uma manifestação neste fim de semana",
            "as últimas pesquisas eleitorais", "o debate de ontem",
            "o aumento do salário mínimo",
        ),
        "health": (
            "uma mancha na pele que não sai", "minha pressão arterial",
            "os efeitos colaterais da metformina", "remédio para ansiedade",
            "um psicólogo perto de mim", "enxaqueca toda semana", "meu colesterol alto",
            "a depressão", "meu diabetes tipo 2", "uma tosse que não passa",
        ),
        "ethnicity": (
            "as raízes da minha família na Nigéria", "o racismo no trabalho",
            "a cultura indígena dos meus avós", "crescer sendo mestiço",
            "a história dos quilombos", "negócios de empreendedores negros",
        ),
        "philosophy": (
            "o estoicismo para iniciantes", "se existe livre-arbítrio",
            "o que Nietzsche quis dizer", "o existencialismo", "o sentido da vida",
            "o dilema do bonde",
        ),
        "trade_union": (
            "me filiar a um sindicato", "a votação de greve do meu sindicato",
            "a contribuição sindical", "a negociação coletiva", "um representante sindical",
            "o que acontece se a gente entrar em greve",
        ),
        "genetics": (
            "meus resultados de DNA", "o teste do gene BRCA", "se minha doença é hereditária",
            "um aconselhamento genético", "um kit de ancestralidade por DNA",
        ),
        "biometrics": (
            "minhas impressões digitais", "o reconhecimento facial no aeroporto",
            "um escaneamento de íris", "quem guarda meu Face ID", "pagar com a palma da mão",
        ),
        "sex_life": (
            "a falta de libido", "o sexo seguro", "problemas de ereção",
            "o sexo depois de ter um bebê", "um terapeuta sexual",
        ),
        "no_ad_topic": (
            "um e-mail para o meu senhorio", "uma carta de apresentação",
            "minha redação sobre a Revolução Francesa",
            "uma mensagem de aniversário para minha tia",
            "um poema sobre o outono", "este parágrafo", "um resumo deste artigo",
            "um e-mail para o meu chefe",
        ),
    },
    "messages": {
        "hiking": (
            "quero fazer a trilha do Pico da Bandeira, que bota eu compro?",
            "quanto tempo leva para subir o Pico do Itatiaia?",
            "é perigoso fazer trilha sozinha?",
            "o que vestir numa caminhada de 15 km na serra?",
        ),
        "running": (
            "hoje corri 5 km em 31 minutos, como faço para baixar de 30?",
            "quantos km por semana para uma meia maratona?",
            "meu joelho dói quando corro, que tênis você recomenda?",
            "é ruim correr em jejum?",
        ),
        "fitness": (
            "me passa um treino de corpo inteiro de 30 minutos",
            "quanta proteína eu preciso para ganhar massa?",
            "posso ir para a academia todo dia?", "como faço minha primeira barra fixa?",
        ),
        "cooking": (
            "o que eu faço com ovos, espinafre e queijo?",
            "quanto tempo asso um frango inteiro?",
            "o molho ficou muito salgado, como conserto?",
            "me dá uma receita fácil de brigadeiro",
        ),
        "coffee": (
            "por que meu espresso fica azedo?", "quanto café vai numa prensa francesa?",
            "qual a diferença entre pingado e flat white?",
            "vale a pena uma cafeteira Nespresso?",
        ),
        "travel": (
            "vou passar quatro dias em Lisboa, o que vale a pena ver?",
            "preciso de visto para ir para os Estados Unidos?",
            "o que levar na mala para a Europa no inverno?",
            "Porto de Galinhas ou Jericoacoara para férias tranquilas?",
        ),
        "gaming": (
            "vale a pena o PS5 Pro?", "jogos parecidos com Stardew Valley",
            "meu controle está com drift, o que faço?",
            "qual Xbox eu dou para meu filho no Natal?",
        ),
        "fashion": (
            "que sapato combina com terno azul marinho?", "pode ir de preto num casamento?",
            "preciso de um look para um primeiro encontro",
            "calça pantalona ainda está na moda?",
        ),
        "beauty": (
            "minha pele fica muito seca no inverno, que hidratante uso?",
            "posso usar retinol e vitamina C juntos?", "como acabo com o frizz do cabelo?",
            "de quanto em quanto tempo devo esfoliar o rosto?",
        ),
        "pets": (
            "meu cachorro late a noite toda, o que eu faço?",
            "quantas vezes por dia dou comida para um gatinho de três meses?",
            "minha gata não come desde ontem, devo me preocupar?",
            "por que meu cachorro come grama?",
        ),
        "parenting": (
            "meu filho de dois anos não dorme a noite toda, alguma dica?",
            "como faço minha filha fazer a lição de casa sem briga?",
            "com quantos meses o bebê começa a engatinhar?",
            "ideias para festa infantil em casa",
        ),
        "personal_finance": (
            "quanto devo ter numa reserva de emergência?",
            "é melhor pagar dívidas ou investir?",
            "tenho 5 mil guardados, o que faço com eles?", "me explica juros compostos",
        ),
        "cars": (
            "vale a pena carro elétrico se não consigo carregar em casa?",
            "a luz da injeção acendeu, posso continuar dirigindo?",
            "de quanto em quanto tempo troco o óleo?",
            "qual carro usado compro com 50 mil?",
        ),
        "tech": (
            "meu notebook está muito lento, como deixo mais rápido?",
            "qual o melhor celular barato agora?",
            "como passo minhas conversas do WhatsApp para um celular novo?",
            "por que meu wifi fica caindo?",
        ),
        "music": (
            "músicas para uma viagem de carro", "quanto tempo leva para aprender violão adulto?",
            "me recomenda algo parecido com Marisa Monte",
            "como consigo ingresso antes de esgotar?",
        ),
        "movies": (
            "o que eu assisto hoje? algo engraçado", "filmes parecidos com Interestelar",
            "me explica o final de A Origem", "o que tem de novo na Netflix esta semana?",
        ),
        "books": (
            "me recomenda um livro parecido com Dom Casmurro",
            "o que ler depois de Harry Potter?", "vale a pena o Kindle Paperwhite?",
            "um livro curto para ler no avião",
        ),
        "sports": (
            "quem ganhou o jogo ontem?", "me explica a regra do impedimento",
            "que horas é a corrida de F1 no domingo?", "como melhoro no beach tennis?",
        ),
        "home_garden": (
            "que cor pinto um quarto que bate pouco sol?", "como tiro o mofo do banheiro?",
            "como desentupo a pia sem produto químico?",
            "ideias para a sala parecer maior",
        ),
        "photography": (
            "que configuração uso para fotografar a lua?",
            "como deixo o fundo desfocado nos retratos?", "vale a pena fotografar em RAW?",
            "Sony ou Canon para começar na fotografia?",
        ),
        "gardening": (
            "por que as folhas do meu tomateiro estão amarelando?",
            "quando planto batata?", "o que dá para plantar numa varanda com sombra?",
            "como tiro pulgão das roseiras?",
        ),
        "cycling": (
            "que tamanho de bike eu preciso com 1,78?",
            "vale a pena bike elétrica para ir ao trabalho?",
            "qual a calibragem certa do pneu da speed?",
            "de quanto em quanto tempo lubrifico a corrente da bike?",
        ),
        "wine": (
            "que vinho combina com salmão?", "me indica um vinho português para um jantar",
            "quanto tempo dura uma garrafa de tinto aberta?",
            "qual a diferença entre espumante e champanhe?",
        ),
        "camping": (
            "do que preciso para o meu primeiro camping?",
            "como evito que a barraca molhe se chover a noite toda?",
            "pode acampar em qualquer praia no Brasil?", "comidas fáceis para acampar",
        ),
        "religion": (
            "que horas termina o jejum hoje?", "me explica a Santíssima Trindade",
            "como rezo se nunca rezei?", "o que o Alcorão diz sobre o perdão?",
        ),
        "sexual_orientation": (
            "como sei se sou bissexual?",
            "meu filho acabou de me contar que é gay, como apoio ele?",
            "como conto para minha família que sou lésbica?",
            "é seguro viajar para Dubai como casal gay?",
        ),
        "politics": (
            "em quem voto se me importo com moradia?", "quando é a próxima eleição?",
            "me explica a nova reforma da previdência",
            "qual a diferença entre os partidos sobre impostos?",
        ),
        "health": (
            "estou com dor de cabeça há três dias, devo ir ao médico?",
            "pressão 15 por 9 é alta?", "acho que estou com depressão, não tenho vontade de nada",
            "posso tomar ibuprofeno com antidepressivo?",
            "quais os primeiros sintomas de diabetes?",
        ),
        "ethnicity": (
            "como respondo a comentários racistas de um colega?",
            "minha avó era indígena guarani, onde aprendo sobre a cultura dela?",
            "de onde vem meu sobrenome? é de origem africana",
        ),
        "philosophy": (
            "sinceramente, qual o sentido de tudo?", "me explica o estoicismo em três frases",
            "a gente tem livre-arbítrio ou está tudo determinado?",
        ),
        "trade_union": (
            "posso ser demitido por me filiar ao sindicato?",
            "como monto um sindicato na minha empresa?",
            "o que acontece com meu salário se a gente fizer greve?",
        ),
        "genetics": (
            "meu teste de DNA diz que sou portador de fibrose cística, o que isso significa?",
            "devo fazer o teste do BRCA se minha mãe teve câncer de mama?",
            "testes de ancestralidade por DNA são confiáveis?",
        ),
        "biometrics": (
            "meu celular manda minha digital para algum lugar?",
            "lojas podem usar reconhecimento facial em mim?",
            "como apago meus dados faciais de um app?",
        ),
        "sex_life": (
            "como converso com meu parceiro sobre o que eu quero na cama?",
            "é normal ter pouca libido depois do bebê?",
            "qual o anticoncepcional mais confiável?",
        ),
        "no_ad_topic": (
            "por que o céu é azul?", "qual é a capital da Austrália?",
            "traduz 'até amanhã' para o inglês", "quanto é 18% de 240?",
            "escreve um poema curto sobre a lua", "corrige esse texto por favor",
            "quem foi a primeira pessoa a pisar na lua?", "me conta uma piada",
            "me explica a fotossíntese de um jeito simples", "o que significa 'efêmero'?",
            "me ajuda a escrever um e-mail pedindo folga na sexta",
            "como se diz obrigado em japonês?", "me fala uma curiosidade",
            "quantos dias faltam para o Natal?", "resume esse texto em três frases",
            "por que existem marés?", "que horas são em Nova York?",
        ),
    },
    "templates": {
        "thing": (
            "me dá dicas sobre {x}?", "preciso de ajuda com {x}", "me fala sobre {x}",
            "estou pensando em {x}", "o que você sabe sobre {x}?", "uma pergunta sobre {x}",
            "pode me ajudar com {x}?", "o que você acha de {x}?", "quero saber mais sobre {x}",
            "oi meta, {x}, alguma recomendação?", "procuro informação sobre {x}",
            "minha amiga me falou de {x}, o que você acha?",
        ),
        "personal": (
            "preciso de ajuda com {x}", "uma dúvida sobre {x}", "pode me ajudar com {x}?",
            "estou preocupado com {x}", "o que eu faço com {x}?",
        ),
        "question": (
            "uma pergunta: {x}", "você sabe {x}?", "fico pensando {x}",
            "não sei {x}, alguma ideia?", "oi meta, {x}",
        ),
        "task": (
            "me ajuda a escrever {x}", "pode corrigir {x}?", "escreve {x} para mim",
            "revisa {x} por favor", "melhora {x} para soar mais profissional",
        ),
    },
    "mix": (
        " e também, alguma ideia sobre {x}?", ". Outra coisa: {x}", " ah, e {x} também",
        ". Aliás, o que você sabe sobre {x}?",
    ),
    "openers": ("oi meta, ", "olá! ", "então, ", "pergunta rápida: ", "ei, "),
    "closers": (" obrigado!", " obg", " :)", " kkkk", " por favor"),
    "misspellings": (
        ("você", "vc"), ("por favor", "pfv"), ("também", "tbm"), ("não", "nao"),
        ("que ", "q "), ("está", "tá"), ("para", "pra"), ("porque", "pq"),
        ("obrigado", "obg"),
    ),
    "people": (
        "minha irmã", "meu irmão", "um colega de trabalho", "meu namorado", "minha mãe",
        "meu pai", "a Ana", "o João", "uns amigos", "minha vizinha", "minha melhor amiga",
    ),
    "conversation": (
        "Conversei com {who} sobre {x}", "{who} falou de {x} no jantar",
        "Papo com {who} sobre {x} tomando um café", "{who} me perguntou sobre {x}",
        "Liguei para {who} e falamos de {x}", "{who} me contou sobre {x}",
    ),
    "conversation_no_topic": (
        "o tempo", "o novo emprego dela", "os amigos da escola", "o que fizemos no fim de semana",
        "nada de mais", "o trânsito de hoje cedo", "os planos para domingo",
    ),
    "contractions": ((" de o ", " do "), (" de a ", " da "), (" de os ", " dos "),
                     (" de as ", " das "), (" em o ", " no "), (" em a ", " na "),
                     (" em um ", " num "), (" em uma ", " numa ")),
    "personal_words": ("meu", "minha", "meus", "minhas"),
    "question_words": ("se", "como", "o", "em", "quando", "onde", "qual"),
}

# Hindi-English as people type it: romanised Hindi frames around English (or mixed) phrases.
HI_EN: dict = {
    "phrases": {
        "hiking": (
            "trekking shoes", "Himachal mein ek trek", "Kedarkantha trek",
            "ek light backpack trek ke liye", "monsoon trek near Pune", "Triund trek",
        ),
        "running": (
            "running shoes", "pehli half marathon", "5k running plan", "ek GPS running watch",
            "subah ki running", "Mumbai marathon ki training",
        ),
        "fitness": (
            "gym workout beginners ke liye", "ghar pe workout bina equipment",
            "whey protein", "dumbbells ka set", "muscle gain diet", "gym membership",
        ),
        "cooking": (
            "paneer butter masala recipe", "dal makhani ghar pe", "ek achha pressure cooker",
            "chicken biryani recipe", "air fryer", "tiffin ke liye quick recipes",
        ),
        "coffee": (
            "ghar ke liye espresso machine", "filter coffee", "ek coffee grinder",
            "cold coffee recipe", "achhe coffee beans", "south Indian filter coffee",
        ),
        "travel": (
            "Goa ki sasti flights", "Manali trip", "Dubai ka visa", "Kerala backwaters trip",
            "ek cabin suitcase", "travel insurance", "Thailand ka itinerary",
        ),
        "gaming": (
            "gaming headset", "BGMI settings", "PS5 games", "gaming laptop under 80k",
            "ek gaming chair", "GTA 6",
        ),
        "fashion": (
            "shaadi ke liye kurta", "white sneakers", "office ke liye outfits",
            "lehenga for sangeet", "ek leather jacket", "winter jacket",
        ),
        "beauty": (
            "oily skin ke liye sunscreen", "skincare routine", "dry skin ke liye moisturizer",
            "hair fall ke liye shampoo", "vitamin C serum", "dark circles ka solution",
        ),
        "pets": (
            "puppy ke liye dog food", "ek billi jo sofa kharab karti hai", "dog ka harness",
            "indie dog adopt karna", "vet near me", "cat litter",
        ),
        "parenting": (
            "baby stroller", "baby ka sleep schedule", "bachche ke liye car seat",
            "potty training", "5 saal ke bachche ke liye activities", "daycare near me",
        ),
        "personal_finance": (
            "SIP mein invest karna", "mutual funds", "credit card ka bill", "FD vs SIP",
            "mera income tax return", "home loan ka EMI", "emergency fund",
        ),
        "cars": (
            "electric car", "second hand car", "car insurance", "Creta vs Seltos",
            "car ki servicing", "EV charging ghar pe",
        ),
        "tech": (
            "naya phone", "noise cancelling earbuds", "college ke liye laptop",
            "iPhone vs Samsung", "smartwatch", "wifi router", "mera laptop jo bahut slow hai",
        ),
        "music": (
            "concert tickets", "guitar seekhna", "achhe speakers", "Arijit Singh jaise gaane",
            "Spotify playlist", "piano classes",
        ),
        "movies": (
            "aaj raat ke liye movie", "nayi Marvel movie", "horror movies",
            "OTT subscription", "Shah Rukh ki nayi film", "Netflix pe achhi series",
        ),
        "books": (
            "ek achhi thriller novel", "Chetan Bhagat jaisi books", "Kindle",
            "book club ke liye book", "audiobooks", "Indian history ki books",
        ),
        "sports": (
            "IPL tickets", "India vs Australia match", "cricket bat", "badminton racket",
            "F1 calendar", "aaj ka match",
        ),
        "home_garden": (
            "naya sofa", "ghar ka painting", "robot vacuum", "chhote flat ke liye storage ideas",
            "tap leak ho raha hai", "naya mattress",
        ),
        "photography": (
            "mirrorless camera", "portrait lens", "Lightroom editing", "travel tripod",
            "night photography", "vlogging camera",
        ),
        "gardening": (
            "balcony mein tamatar", "terrace garden", "indoor plants jo aasani se zinda rahe",
            "money plant ke peele patte", "compost ghar pe", "tulsi ka paudha",
        ),
        "cycling": (
            "road cycle", "office ke liye e-bike", "cycle helmet", "cycle lock",
            "cycle ka puncture", "gear wali cycle",
        ),
        "wine": (
            "Sula wine", "red wine under 1000", "wine with paneer tikka", "Nashik vineyard tour",
            "ek achhi white wine", "party ke liye champagne",
        ),
        "camping": (
            "2 person tent", "sleeping bag thand ke liye", "camping stove", "Rishikesh camping",
            "lake ke paas camping", "headlamp",
        ),
        "religion": (
            "Navratri ka vrat", "Ramzan ke roze", "Gita ka saar", "gurudwara near me",
            "church mein Sunday mass", "puja vidhi", "Eid ki namaz ka time",
        ),
        "sexual_orientation": (
            "parents ko coming out batana", "LGBTQ friendly cafes Mumbai mein",
            "dosto ko batana ki main bi hoon", "Pride march Delhi", "kya main gay hoon",
            "queer support groups",
        ),
        "politics": (
            "election mein kisko vote dein", "naya citizenship law", "party manifestos",
            "kal ka protest", "latest election polls", "BJP vs Congress",
        ),
        "health": (
            "skin pe rash jo ja nahi raha", "mera BP", "metformin ke side effects",
            "anxiety ki dawai", "therapist near me", "har hafte migraine", "mera sugar level",
            "depression", "thyroid",
        ),
        "ethnicity": (
            "apni family ki roots", "office mein racism", "northeast logon ke saath bhedbhav",
            "mixed race hona", "Adivasi culture", "apni caste ki history",
        ),
        "philosophy": (
            "stoicism", "free will hota hai ya nahi", "Nietzsche ka matlab", "existentialism",
            "zindagi ka matlab", "trolley problem",
        ),
        "trade_union": (
            "union join karna", "union ki strike", "union fees", "collective bargaining",
            "workplace pe union banana", "union rep",
        ),
        "genetics": (
            "mere DNA test results", "BRCA gene test", "kya meri bimari hereditary hai",
            "genetic counsellor", "ancestry DNA kit",
        ),
        "biometrics": (
            "mera fingerprint data", "airport pe facial recognition", "Aadhaar biometrics",
            "iris scan", "face ID ka data",
        ),
        "sex_life": (
            "low libido", "safe sex", "erectile problem", "baby ke baad sex life",
            "sex therapist",
        ),
        "no_ad_topic": (
            "landlord ko email", "cover letter", "French Revolution pe essay",
            "mausi ke liye birthday message", "autumn pe poem", "ye paragraph",
            "is article ka summary", "boss ko leave ka email",
        ),
    },
    "messages": {
        "hiking": (
            "Manali trek ke liye kaunse shoes lu?", "Kedarkantha trek kitne din ka hai?",
            "akele trek karna safe hai kya Uttarakhand mein?",
        ),
        "running": (
            "aaj 5k 31 min mein kiya, 30 se neeche kaise laun?",
            "half marathon ke liye hafte mein kitna run karu?",
            "running ke baad ghutne dukhte hain, kaunse shoes lu?",
        ),
        "fitness": (
            "30 min ka full body workout batao", "muscle banane ke liye kitna protein chahiye?",
            "roz gym jaana theek hai kya?",
        ),
        "cooking": (
            "anda, palak aur paneer se kya bana sakte hain?", "rajma chawal kaise banate hain?",
            "sabzi mein namak zyada ho gaya, kya karu?",
        ),
        "coffee": (
            "mera espresso khatta kyun lagta hai?", "filter coffee kaise banate hain ghar pe?",
            "cortado aur flat white mein kya farak hai?",
        ),
        "travel": (
            "Goa mein 4 din hain, kya kya dekhe?", "Thailand ke liye visa chahiye kya?",
            "December mein Kashmir jaane ke liye kya pack karu?",
        ),
        "gaming": (
            "PS5 Pro lena worth hai kya?", "Stardew Valley jaise games batao",
            "mera controller drift kar raha hai, kya karu?",
        ),
        "fashion": (
            "navy blue suit ke saath kaunse shoes?", "shaadi mein black pehen sakte hain kya?",
            "first date ke liye outfit batao",
        ),
        "beauty": (
            "winter mein skin bahut dry ho jaati hai, kaunsa moisturizer?",
            "retinol aur vitamin C saath mein use kar sakte hain?",
            "baalon ka frizz kaise kam karu?",
        ),
        "pets": (
            "mera dog raat bhar bhaukta hai, kya karu?",
            "3 mahine ke kitten ko kitni baar khana du?",
            "meri billi kal se kuch nahi kha rahi, worry karu?",
        ),
        "parenting": (
            "mera 2 saal ka beta raat ko sota nahi, koi tips?",
            "bachche se homework bina ladai ke kaise karwau?",
            "baby kab crawl karna shuru karta hai?",
        ),
        "personal_finance": (
            "emergency fund mein kitna paisa hona chahiye?",
            "loan pehle chukau ya SIP shuru karu?", "5 lakh save hain, kahan invest karu?",
        ),
        "cars": (
            "ghar pe charging nahi hai toh EV lena sahi hai?",
            "check engine light aa gayi, gaadi chala sakte hain?",
            "10 lakh mein kaunsi family car best hai?",
        ),
        "tech": (
            "mera laptop bahut slow hai, fast kaise karu?", "20k mein best phone kaunsa hai?",
            "WhatsApp chats naye phone mein kaise transfer karu?",
        ),
        "music": (
            "road trip ke liye gaane batao", "adult hoke guitar seekhne mein kitna time lagega?",
            "Prateek Kuhad jaisa kuch suggest karo",
        ),
        "movies": (
            "aaj raat kya dekhu? kuch funny", "Interstellar jaisi movies batao",
            "Netflix pe is hafte naya kya hai?",
        ),
        "books": (
            "Project Hail Mary jaisi book batao", "Harry Potter ke baad kya padhu?",
            "flight mein padhne ke liye chhoti book",
        ),
        "sports": (
            "kal ka match kaun jeeta?", "IPL final kab hai?", "offside rule samjhao",
        ),
        "home_garden": (
            "bathroom mein seelan kaise hataye?", "chhote kamre ko bada kaise dikhaye?",
            "sink block ho gaya, bina chemical ke kaise kholu?",
        ),
        "photography": (
            "phone se night photos achhi kaise le?", "portrait mein background blur kaise karu?",
            "beginner ke liye Sony ya Canon?",
        ),
        "gardening": (
            "tamatar ke patte peele kyun ho rahe hain?", "balcony mein kya uga sakte hain?",
            "money plant ko kitna paani du?",
        ),
        "cycling": (
            "meri height 5'10 hai, kaunsi size ki cycle lu?",
            "12 km office ke liye e-bike worth hai?", "cycle ki chain kitni baar oil karu?",
        ),
        "wine": (
            "salmon ke saath kaunsi wine?", "khuli red wine ki bottle kitne din chalti hai?",
            "dinner party ke liye achhi wine batao",
        ),
        "camping": (
            "pehli baar camping ja raha hoon, kya kya chahiye?",
            "baarish mein tent dry kaise rakhe?", "Rishikesh mein achhi camping site batao",
        ),
        "religion": (
            "aaj roza kitne baje khulega?", "Gita ka doosra adhyay samjhao",
            "pehli baar puja kaise karu?", "Diwali pe Lakshmi puja ka muhurat kya hai?",
        ),
        "sexual_orientation": (
            "kaise pata chale ki main bisexual hoon?",
            "mere bete ne bataya ki wo gay hai, usko kaise support karu?",
            "ghar walon ko kaise bataun ki main lesbian hoon?",
        ),
        "politics": (
            "housing ke liye kaunsi party ko vote du?", "agla general election kab hai?",
            "naya farm law simple mein samjhao",
        ),
        "health": (
            "teen din se sir dard hai, doctor ke paas jaun?", "BP 150/95 high hai kya?",
            "lagta hai mujhe depression hai, kuch karne ka mann nahi karta",
            "antidepressants ke saath ibuprofen le sakte hain?",
        ),
        "ethnicity": (
            "office mein racist comments ka kaise jawab du?",
            "meri nani Santhal thi, unki culture ke baare mein kahan padhu?",
            "northeast se hoon, log chinki bolte hain, kya karu?",
        ),
        "philosophy": (
            "sach mein, kisi cheez ka koi matlab hai?", "stoicism teen line mein samjhao",
            "kya hamare paas free will hai ya sab pehle se tay hai?",
        ),
        "trade_union": (
            "union join karne pe boss nikaal sakta hai kya?",
            "office mein union kaise banaye?", "strike karein toh salary ka kya hoga?",
        ),
        "genetics": (
            "DNA test mein aaya ki main thalassemia carrier hoon, iska kya matlab?",
            "mummy ko breast cancer tha, BRCA test karwau kya?",
            "ancestry DNA test accurate hote hain kya?",
        ),
        "biometrics": (
            "kya mera phone fingerprint kahin bhejta hai?",
            "Aadhaar ka biometric data kaun dekh sakta hai?",
            "app se apna face data kaise delete karu?",
        ),
        "sex_life": (
            "partner se bed mein apni pasand ke baare mein kaise baat karu?",
            "baby ke baad libido kam hona normal hai kya?",
            "sabse reliable contraception kaunsa hai?",
        ),
        "no_ad_topic": (
            "aasman neela kyun hota hai?", "Australia ki capital kya hai?",
            "'kal milte hain' ko English mein translate karo", "240 ka 18% kitna hai?",
            "chaand pe ek chhoti poem likho", "ye text theek kar do please",
            "chaand pe sabse pehle kaun gaya tha?", "ek joke sunao",
            "photosynthesis simple mein samjhao", "'ephemeral' ka matlab kya hai?",
            "boss ko Friday chutti ke liye email likhne mein help karo",
            "Japanese mein thank you kaise bolte hain?", "koi fun fact batao",
            "Diwali mein kitne din bache hain?", "is text ka 3 line mein summary do",
        ),
    },
    "templates": {
        "thing": (
            "mujhe {x} ke baare mein batao", "{x} ke liye koi tips?",
            "{x} ke baare mein kya jaante ho?", "bhai {x} ke liye help chahiye",
            "yaar {x} ke baare mein soch raha hoon", "{x} pe kuch advice do na",
            "meta, {x} ke baare mein batao na", "{x} ke liye kya suggest karoge?",
            "mere dost ne {x} ke baare mein bola, tum kya sochte ho?",
        ),
        "personal": (
            "{x} ko lekar pareshan hoon", "{x} ke baare mein kya karu?",
            "{x} ke liye help chahiye", "{x} ke baare mein ek sawaal hai",
        ),
        "question": (
            "ek sawaal: {x}?", "mujhe batao {x}", "soch raha tha {x}", "pata hai {x}?",
        ),
        "task": (
            "{x} likhne mein help karo", "{x} theek kar do", "{x} likh do please",
            "{x} ko professional bana do", "{x} check kar do",
        ),
    },
    "mix": (
        " aur haan, {x} ke baare mein bhi batao", ". Ek aur baat: {x}", " aur {x} bhi",
        ". Waise {x} ke baare mein kya khayal hai?",
    ),
    "openers": ("hi meta, ", "bhai ", "yaar ", "ek quick sawaal: ", "suno, "),
    "closers": (" thanks!", " pls", " :)", " yaar", " jaldi batao"),
    "misspellings": (
        ("please", "plz"), ("hai", "h"), ("kya", "kia"), ("nahi", "nhi"), ("mein", "me"),
        ("kaise", "kese"), ("batao", "btao"), ("hoon", "hu"),
    ),
    "people": (
        "didi", "bhaiya", "office ke colleague", "meri wife", "mummy", "papa", "Rahul",
        "Priya", "dosto", "padosi", "mera best friend",
    ),
    "conversation": (
        "{who} se {x} ke baare mein baat hui", "{who} ne dinner pe {x} ka zikr kiya",
        "chai pe {who} ke saath {x} pe charcha", "{who} ne mujhse {x} ke baare mein poocha",
        "{who} se phone pe {x} ki baat hui",
    ),
    "conversation_no_topic": (
        "mausam", "uski nayi job", "school ke purane dost", "weekend pe kya kiya",
        "kuch khaas nahi", "aaj subah ka traffic", "Sunday ka plan",
    ),
    "personal_words": ("mera", "meri", "mere", "apni", "apna"),
    "question_words": ("kya", "kaise", "kab", "kahan", "kaun", "kyun"),
}

LANGUAGE_VOCABULARY: dict[str, dict] = {"es": ES, "pt": PT, "hi-en": HI_EN}


def _items(text: str) -> dict[str, tuple[str, ...]]:
    """Items per topic written as "topic: item; item | topic: ..." (compact, same meaning)."""
    out: dict[str, tuple[str, ...]] = {}
    for block in text.split("|"):
        topic, _, items = block.partition(":")
        out[topic.strip()] = tuple(" ".join(i.split()) for i in items.split(";") if i.strip())
    return out


# Things to buy or choose, for the shopping frames.
ES["items"] = _items("""
hiking: unas botas de montaña; una mochila de 30 litros; unos bastones de trekking |
running: unas zapatillas de running; un reloj con GPS; una riñonera para correr |
fitness: unas mancuernas; una esterilla; proteína en polvo | cooking: una freidora de aire;
una olla exprés; un juego de sartenes | coffee: una cafetera; un molinillo; café en grano |
travel: una maleta de cabina; un seguro de viaje; un hotel en Lisboa | gaming: una PS5; unos
cascos gamer; un mando para PC | fashion: un abrigo; unas zapatillas blancas; un traje |
beauty: una crema hidratante; un protector solar; un secador de pelo | pets: pienso para
perro; un rascador para gatos; un arnés | parenting: un carrito; una silla de coche; un
vigilabebés | personal_finance: una cuenta sin comisiones; una tarjeta de crédito; un
fondo indexado | cars: un coche eléctrico; neumáticos de invierno; un seguro de coche | tech:
un móvil nuevo; un portátil; unos auriculares | music: entradas para un concierto; una
guitarra; unos altavoces | movies: una plataforma de streaming; un proyector; entradas de
cine | books: un Kindle; una novela negra; un audiolibro | sports: entradas para el partido;
una pala de pádel; una camiseta del equipo | home_garden: un sofá; un robot aspirador; un
colchón | photography: una cámara; un objetivo; un trípode | gardening: un cortacésped;
semillas de tomate; una manguera | cycling: una bici eléctrica; un casco; un candado |
wine: un vino tinto; una botella de cava; una vinoteca | camping: una tienda de campaña; un
saco de dormir; un hornillo""")
ES["item_templates"] = (
    "¿me recomiendas {x}?", "busco {x}", "ayúdame a elegir {x}", "quiero comprar {x}, ¿qué me "
    "recomiendas?", "¿dónde consigo {x} barato?", "¿vale la pena gastar más en {x}?",
)
PT["items"] = _items("""
hiking: uma bota de trilha; uma mochila de 30 litros; bastões de caminhada | running: um
tênis de corrida; um relógio com GPS; uma pochete de corrida | fitness: halteres; um
tapete de yoga; whey protein | cooking: uma air fryer; uma panela de pressão; um jogo de
panelas | coffee: uma cafeteira; um moedor; café em grão | travel: uma mala de bordo; um
seguro viagem; um hotel em Lisboa | gaming: um PS5; um headset gamer; um controle para PC |
fashion: um casaco; um tênis branco; um terno | beauty: um hidratante; um protetor solar; um
secador de cabelo | pets: ração para cachorro; um arranhador para gato; uma coleira |
parenting: um carrinho de bebê; uma cadeirinha; uma babá eletrônica | personal_finance: uma
conta digital sem tarifa; um cartão de crédito; um fundo de índice | cars: um carro
elétrico; pneus novos; um seguro de carro | tech: um celular novo; um notebook; fones de
ouvido | music: ingressos para um show; um violão; caixas de som | movies: um streaming;
um projetor; ingressos de cinema | books: um Kindle; um romance policial; um audiolivro |
sports: ingressos para o jogo; uma raquete de beach tennis; a camisa do time | home_garden:
um sofá; um robô aspirador; um colchão | photography: uma câmera; uma lente; um tripé |
gardening: um cortador de grama; sementes de tomate; uma mangueira | cycling: uma bike
elétrica; um capacete; um cadeado | wine: um vinho tinto; um espumante; uma adega |
camping: uma barraca; um saco de dormir; um fogareiro""")
PT["item_templates"] = (
    "me recomenda {x}?", "procuro {x}", "me ajuda a escolher {x}", "quero comprar {x}, o que "
    "você indica?", "onde acho {x} barato?", "vale a pena gastar mais em {x}?",
)
HI_EN["items"] = _items("""
hiking: trekking shoes; 40L backpack; trekking poles | running: running shoes; GPS watch;
running belt | fitness: dumbbells; yoga mat; whey protein | cooking: air fryer; pressure
cooker; non-stick kadai | coffee: coffee machine; grinder; filter coffee powder | travel:
cabin trolley bag; travel insurance; Goa ka hotel | gaming: PS5; gaming headset; controller
| fashion: kurta; white sneakers; blazer | beauty: moisturizer; sunscreen; hair dryer |
pets: dog food; cat tree; dog ka harness | parenting: stroller; baby car seat; baby monitor |
personal_finance: zero balance account; credit card; index fund | cars: electric car; naye
tyres; car insurance | tech: naya phone; laptop; earbuds | music: concert tickets; guitar;
bluetooth speaker | movies: OTT subscription; projector; movie tickets | books: Kindle;
thriller novel; audiobook subscription | sports: IPL tickets; cricket bat; badminton racket
| home_garden: sofa; robot vacuum; mattress | photography: camera; lens; tripod | gardening:
gamle; beej; garden hose | cycling: e-cycle; helmet; cycle lock | wine: red wine; champagne;
wine glasses | camping: tent; sleeping bag; camping stove""")
HI_EN["item_templates"] = (
    "{x} suggest karo", "achha {x} chahiye", "{x} choose karne mein help karo",
    "{x} lena hai, kaunsa best hai?", "sasta {x} kahan milega?", "{x} pe zyada kharcha karna "
    "worth hai kya?",
)
