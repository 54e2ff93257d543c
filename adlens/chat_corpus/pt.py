"""Portuguese (Brazil and Portugal) training vocabulary for the chat topic model, in the shape of
`adlens.chat_corpus.en`. Written for training only."""

TOPICS: dict[str, dict[str, str]] = {
    "hiking": {
        "n": """botas de trilha; uma trilha; bastões de caminhada; uma mochila de trilha; a
        chapada dos veadeiros; uma caminhada na serra; trilhas com cachoeira; o pico da
        neblina; a trilha da pedra bonita; trekking na patagônia; a serra da estrela""",
        "d": """fazer trilha; subir uma montanha; me preparar para uma trilha longa; escolher
        uma bota de trilha""",
        "m": """qual trilha você recomenda perto de são paulo; quanto tempo leva a trilha do
        pico; o que levar numa trilha de um dia; é perigoso fazer trilha sozinho; bota ou
        tênis para trilha""",
    },
    "running": {
        "n": """tênis de corrida; uma planilha de treino para 10 km; uma meia maratona; uma
        maratona; um relógio garmin; treino intervalado; corrida na esteira; meu pace;
        uma corrida de rua; dor no joelho correndo""",
        "d": """correr mais rápido; treinar para a primeira maratona; começar a correr;
        melhorar meu pace""",
        "m": """como melhoro meu tempo nos 5 km; quantos km por semana para meia maratona;
        qual tênis para pisada pronada; é ruim correr todo dia; o que comer antes de
        correr""",
    },
    "fitness": {
        "n": """a academia; um treino de musculação; halteres; whey; creatina; treino de
        abdômen; crossfit; pilates; calistenia; um personal trainer; agachamento;
        supino; treino em casa""",
        "d": """ganhar massa muscular; perder barriga e ganhar músculo; treinar em casa;
        fazer barra fixa; entrar em forma""",
        "m": """treino de academia para iniciante; quantas séries para hipertrofia; posso
        treinar todo dia; quanto de proteína preciso por dia; creatina vale a pena""",
    },
    "cooking": {
        "n": """uma receita; ideias de jantar; uma feijoada; um bolo de cenoura; pão de
        queijo; um strogonoff; uma air fryer; uma panela de pressão; uma lasanha;
        brigadeiro; um bacalhau; arroz de pato; uma moqueca; um risoto; marmitas""",
        "d": """cozinhar arroz soltinho; fazer pão caseiro; fazer um jantar rápido; usar a
        air fryer; fazer bolo sem ovo""",
        "m": """o que eu cozinho hoje com frango e batata; receita fácil de bolo de caneca;
        quanto tempo asso um frango; como deixar o arroz soltinho; receita de
        brigadeiro de panela""",
    },
    "coffee": {
        "n": """uma cafeteira; uma máquina de espresso; um moedor de café; café em grão;
        uma prensa francesa; uma nespresso; um cappuccino; café coado; uma bica; um
        galão""",
        "d": """fazer um espresso bom; moer café; fazer café gelado; limpar a cafeteira""",
        "m": """qual cafeteira compro para casa; por que meu café fica amargo; qual café em
        grão você recomenda; diferença entre cappuccino e latte""",
    },
    "travel": {
        "n": """passagens baratas; um hotel; um airbnb; uma viagem para o japão; férias na
        praia; um roteiro; o passaporte; o visto; seguro viagem; um fim de semana fora;
        fernando de noronha; gramado; lisboa; paris; orlando; uma mala de bordo; um
        cruzeiro""",
        "d": """viajar barato; planejar uma viagem para a europa; achar passagem barata;
        fazer a mala; tirar o passaporte""",
        "m": """o que fazer em lisboa em três dias; melhor época para ir ao nordeste;
        preciso de visto para os estados unidos; roteiro de uma semana no chile; onde
        ficar em paris""",
    },
    "gaming": {
        "n": """um ps5; um xbox; um nintendo switch; um pc gamer; uma placa de vídeo; o
        fortnite; o minecraft; o free fire; o fifa; o gta; um controle; um headset
        gamer; uma cadeira gamer; um videogame""",
        "d": """subir de elo; montar um pc gamer; passar de um chefão; jogar online com os
        amigos""",
        "m": """quais jogos você recomenda para o switch; ps5 ou xbox para criança; como
        passo desse chefão; game pass vale a pena; meu jogo está travando""",
    },
    "fashion": {
        "n": """um casaco; uma calça jeans; um tênis; um terno; um vestido para casamento;
        um look; uma jaqueta de couro; botas; roupa de frio; uma bolsa; óculos de
        sol""",
        "d": """me vestir melhor; combinar cores; escolher um terno; achar meu estilo""",
        "m": """o que eu visto para um casamento de dia; que sapato combina com terno
        cinza; ideia de look para um encontro; calça larga ainda está na moda""",
    },
    "beauty": {
        "n": """uma rotina de skincare; hidratante; protetor solar; retinol; sérum; base;
        rímel; batom; shampoo; máscara de cabelo; tintura de cabelo; um perfume; unhas
        de gel; olheiras; espinhas; um corte de cabelo""",
        "d": """ter uma pele limpa; tirar olheiras; me maquiar rápido; cuidar do cabelo
        cacheado""",
        "m": """qual rotina de skincare para pele oleosa; qual protetor solar não deixa a
        pele branca; qual perfume você recomenda; como tirar cravos""",
    },
    "pets": {
        "n": """um cachorro; um gato; um filhote; um gatinho; ração; o veterinário; uma
        caixa de areia; uma coleira; uma guia; um hamster; um aquário; as vacinas do
        cachorro; um adestrador""",
        "d": """ensinar meu cachorro a sentar; adestrar um filhote; adotar um gato""",
        "m": """meu cachorro comeu chocolate o que eu faço; por que meu gato me morde;
        quantas vezes por dia o filhote come; meu cachorro não para de se coçar; qual
        raça de cachorro para apartamento""",
    },
    "parenting": {
        "n": """meu bebê; um carrinho de bebê; fraldas; uma cadeirinha; a amamentação; a
        creche; as birras; meu filho adolescente; brinquedos para criança de dois anos;
        a papinha; o berço""",
        "d": """fazer o bebê dormir; tirar a fralda; colocar limites no meu filho; escolher
        uma creche""",
        "m": """meu bebê não dorme a noite; como lidar com a birra do meu filho de 3 anos;
        com quantos meses o bebê fala; atividades para crianças num dia de chuva""",
    },
    "personal_finance": {
        "n": """guardar dinheiro; um orçamento; a poupança; um cartão de crédito; um
        financiamento; um empréstimo; o tesouro direto; ações; cdb; bitcoin; o imposto
        de renda; minha aposentadoria; as dívidas; a previdência privada""",
        "d": """economizar; sair das dívidas; começar a investir; montar um orçamento""",
        "m": """como começo a investir com pouco dinheiro; é melhor alugar ou comprar;
        quanto devo guardar por mês; tesouro direto ou cdb; como saio das dívidas do
        cartão""",
    },
    "cars": {
        "n": """um carro novo; um carro usado; um carro elétrico; um híbrido; o seguro do
        carro; a troca de óleo; os pneus; os freios; a bateria do carro; uma oficina;
        um suv; o ipva""",
        "d": """comprar um carro usado; trocar um pneu; economizar combustível""",
        "m": """qual carro compro com 60 mil; meu carro faz barulho ao frear; de quanto em
        quanto tempo troco o óleo; vale a pena carro elétrico; acendeu a luz da
        injeção""",
    },
    "tech": {
        "n": """um celular; um iphone; um samsung; um notebook; um tablet; fones de
        ouvido; um smartwatch; o wifi; um roteador; uma impressora; a bateria do
        celular; o bluetooth; um carregador; um computador""",
        "d": """deixar o notebook mais rápido; arrumar o wifi; passar as fotos para o
        computador; fazer backup do celular""",
        "m": """qual celular compro até 2 mil reais; meu notebook está muito lento; a
        bateria do meu celular acaba rápido; meu bluetooth não conecta; iphone ou
        samsung""",
    },
    "music": {
        "n": """um show; ingressos para um show; um festival; o spotify; uma playlist; um
        violão; uma guitarra; um piano; um teclado; aulas de canto; sertanejo; funk;
        mpb; anitta; vinil; um cavaquinho""",
        "d": """aprender violão; cantar melhor; produzir música; comprar ingresso""",
        "m": """músicas parecidas com as do caetano; quanto tempo leva para aprender
        piano; me faz uma playlist para academia; qual violão para iniciante; quando
        é o rock in rio""",
    },
    "movies": {
        "n": """um filme; uma série; a netflix; o disney plus; o cinema; um filme de
        terror; uma comédia romântica; um documentário; o oscar; marvel; uma novela;
        um anime""",
        "d": """achar um filme para hoje; ver os filmes da marvel em ordem""",
        "m": """que filme eu vejo hoje; séries parecidas com dark; melhores filmes de
        terror; o que tem de novo na netflix""",
    },
    "books": {
        "n": """um livro; um romance; um kindle; audiolivros; um clube do livro; uma saga
        de fantasia; um thriller; uma biografia; poesia; machado de assis; clarice
        lispector""",
        "d": """ler mais; achar meu próximo livro""",
        "m": """que livro você recomenda depois de dom casmurro; livros parecidos com
        harry potter; kindle vale a pena""",
    },
    "sports": {
        "n": """o futebol; o brasileirão; o flamengo; o corinthians; a champions; a copa do
        mundo; a fórmula 1; o vôlei; o tênis; o basquete; a nba; o jogo; uma camisa de
        time; a seleção; o beach tennis""",
        "d": """melhorar no beach tennis; comprar ingresso para o jogo""",
        "m": """quem ganhou o jogo ontem; que horas joga o flamengo; como está a tabela do
        brasileirão; quando é a próxima corrida de f1""",
    },
    "home_garden": {
        "n": """um sofá; um colchão; um tapete; cortinas; a pintura da parede; a cozinha; o
        banheiro; uma torneira; a máquina de lavar; um robô aspirador; o mofo; móveis
        planejados; a varanda; uma furadeira""",
        "d": """pintar um quarto; consertar uma torneira; tirar o mofo; decorar um
        apartamento pequeno; desentupir a pia""",
        "m": """que cor pinto a sala; como tiro mofo da parede; qual robô aspirador
        compro; minha máquina de lavar não centrifuga""",
    },
    "photography": {
        "n": """uma câmera; uma câmera profissional; uma lente; um tripé; o lightroom;
        fotos noturnas; retratos; um drone; uma gopro; a abertura""",
        "d": """tirar fotos melhores; editar fotos; desfocar o fundo""",
        "m": """qual câmera para começar na fotografia; qual lente para retrato; canon ou
        sony""",
    },
    "gardening": {
        "n": """a horta; tomates; sementes; adubo; compostagem; a grama; plantas de
        interior; uma suculenta; uma costela de adão; as rosas; pulgões; vasos""",
        "d": """plantar tomate; cuidar de plantas; podar roseiras; fazer uma horta""",
        "m": """por que as folhas da minha planta estão secando; quando planto tomate;
        quantas vezes rego suculenta; como tiro pulgão""",
    },
    "cycling": {
        "n": """uma bike; uma bicicleta speed; uma mountain bike; uma bike elétrica; um
        capacete; um cadeado; um pneu furado; a corrente da bike; um rolo de treino""",
        "d": """consertar um pneu furado; ir de bike para o trabalho""",
        "m": """qual tamanho de bike eu preciso; a corrente da minha bike fica caindo;
        qual bike elétrica compro""",
    },
    "wine": {
        "n": """vinho; vinho tinto; vinho branco; um vinho do porto; um vinho verde; um
        malbec; espumante; champanhe; uma vinícola; uma degustação""",
        "d": """escolher um vinho; harmonizar vinho com comida""",
        "m": """que vinho combina com peixe; um bom tinto até 60 reais; quanto tempo dura
        um vinho aberto""",
    },
    "camping": {
        "n": """uma barraca; um saco de dormir; um isolante térmico; um camping; um
        motorhome; um fogareiro; uma lanterna; uma fogueira""",
        "d": """acampar; montar uma barraca; não passar frio acampando""",
        "m": """o que levar para acampar; melhor barraca para 4 pessoas; onde posso
        acampar de graça""",
    },
    "religion": {
        "n": """a igreja; a bíblia; rezar; deus; a missa; o terço; nossa senhora; a
        quaresma; a páscoa; o ramadã; a mesquita; o alcorão; comida halal; o culto
        evangélico; o batismo; a umbanda; o candomblé; minha fé""",
        "d": """rezar; achar uma igreja; fazer jejum no ramadã; voltar para a fé""",
        "m": """o que a bíblia diz sobre o perdão; é pecado não ir à missa; restaurantes
        halal perto de mim; como rezar o terço; estou perdendo a fé""",
    },
    "sexual_orientation": {
        "n": """ser gay; ser lésbica; ser bissexual; sair do armário; a parada lgbt; um
        bar gay; o casamento homoafetivo; minha orientação sexual""",
        "d": """sair do armário; contar para meus pais que sou gay; aceitar minha
        sexualidade""",
        "m": """como sei se sou bissexual; acho que sou gay; meus pais não aceitam que sou
        lésbica""",
    },
    "politics": {
        "n": """as eleições; votar; um partido político; o presidente; o governo; o
        congresso; o senado; uma manifestação; a esquerda; a direita; as pesquisas
        eleitorais; um candidato""",
        "d": """votar; decidir meu voto; tirar o título de eleitor""",
        "m": """em quem eu voto; o que cada partido propõe; quando são as eleições; o que
        você acha do presidente""",
    },
    "health": {
        "n": """dor de cabeça; a ansiedade; a depressão; um psicólogo; o médico; a pressão
        alta; o diabetes; o colesterol; um caroço; febre; gripe; covid; antibiótico;
        antidepressivo; a insônia; a gravidez; a menstruação; dor nas costas; crise de
        pânico; meus exames de sangue;
        o lúpus; a gota; a artrite; o parkinson; o alzheimer; a epilepsia; a esclerose múltipla;
        o câncer de mama; a leucemia; a hepatite; o hiv; o herpes; a psoríase; o
        hipotireoidismo; a pedra no rim; a síndrome do intestino irritável; a doença celíaca; a
        endometriose; o ovário policístico; a menopausa; a anemia; a fibromialgia; o glaucoma; a
        catarata; o tdah; o autismo; o transtorno bipolar; a pneumonia; um avc; um infarto""",
        "d": """dormir melhor; controlar a ansiedade; baixar a pressão; sair da
        depressão; engravidar""",
        "m": """acho que estou com depressão; tenho ansiedade o tempo todo; estou com febre
        há 3 dias; dói o peito quando respiro; posso tomar dipirona grávida; sintomas
        de diabetes""",
    },
    "ethnicity": {
        "n": """o racismo; minhas raízes; minha ancestralidade indígena; a discriminação;
        ser pardo; a cultura afro-brasileira; os povos originários""",
        "d": """responder a um comentário racista; conhecer minhas raízes""",
        "m": """como lido com racismo no trabalho; sofri discriminação por ser negro;
        quero saber mais das minhas raízes indígenas""",
    },
    "philosophy": {
        "n": """o sentido da vida; o livre-arbítrio; o estoicismo; o existencialismo; a
        ética; a moral; nietzsche; sócrates; a morte""",
        "d": """achar sentido na vida; viver como um estoico""",
        "m": """qual o sentido da vida; a gente tem livre-arbítrio; o que um estoico
        faria""",
    },
    "trade_union": {
        "n": """um sindicato; uma greve; a contribuição sindical; um representante
        sindical; a convenção coletiva; os direitos trabalhistas""",
        "d": """me filiar ao sindicato; fazer greve""",
        "m": """posso ser demitido por entrar no sindicato; como funciona uma greve""",
    },
    "genetics": {
        "n": """um teste de dna; um exame genético; uma doença hereditária; o gene brca""",
        "d": """fazer um teste genético""",
        "m": """teste de dna é confiável; minha doença é hereditária""",
    },
    "biometrics": {
        "n": """minha digital; o reconhecimento facial; o face id; meus dados
        biométricos""",
        "d": """apagar meus dados biométricos""",
        "m": """quem guarda minha digital; reconhecimento facial em loja é legal""",
    },
    "sex_life": {
        "n": """o sexo; a libido; camisinha; anticoncepcional; disfunção erétil; minha
        vida sexual""",
        "d": """melhorar minha vida sexual; falar de sexo com meu parceiro""",
        "m": """é normal não ter vontade de transar; como durar mais na cama""",
    },
    "no_ad_topic": {
        "n": """um e-mail para o meu chefe; uma carta de apresentação; meu currículo; uma
        redação; um poema; um discurso; um resumo; uma tradução; uma piada; um lembrete;
        uma lista de tarefas; uma conta de matemática; uma função em python; uma
        fórmula do excel""",
        "d": """escrever um e-mail; corrigir meu português; resumir um texto; traduzir uma
        frase; resolver uma equação""",
        "m": """por que o céu é azul; qual a capital do canadá; quanto é 15% de 80; traduz
        bom dia para o inglês; quem inventou a lâmpada; em que ano acabou a segunda
        guerra; me conta uma piada; o que significa a palavra efêmero; que horas são em
        tóquio; me lembra de ligar para minha mãe às 6; por que a gente boceja; quantos
        continentes existem; resume esse texto; escreve um poema para minha avó;
        resolve 2x + 4 = 10""",
    },
}

NOUN_FRAMES = """{n}; {n}?; me recomenda {n}; procuro {n}; preciso de {n}; o que
você acha de {n}; vale a pena {n}; {n} barato; onde compro {n}; {n} ou {n2}; me fala de {n};
o que você sabe sobre {n}; dicas sobre {n}; ajuda com {n}; uma dúvida sobre {n}; tenho uma
pergunta sobre {n}; estou pensando em {n}; info sobre {n} pfv; {n} para iniciantes; estou
estressado com {n}; me preocupa {n}; tenho vergonha de perguntar sobre {n}; eu e meu marido
brigamos por causa de {n}""".replace("\n", " ")
DOING_FRAMES = """como posso {d}; como {d}; quero {d}; preciso {d}; me ajuda a {d}; dicas para
{d}; é difícil {d}; o que preciso para {d}; qual o melhor jeito de {d}; me explica como {d};
nunca tentei {d}, por onde começo; estou ansioso para {d}; tenho medo de {d}; faz meses que
tento {d}""".replace("\n", " ")
PREFIXES = """oi; oi meta; olá; então; uma pergunta; pergunta rápida; mano; cara; gente; ei;
bom dia; olha""".replace("\n", " ")
SUFFIXES = """obrigado; obg; por favor; pfv; kkkk; ??; valeu; rápido""".replace("\n", " ")
SLANG = (("você", "vc"), ("por favor", "pfv"), ("também", "tbm"), ("não", "n"),
         ("que ", "q "), ("está", "tá"), ("para", "pra"), ("porque", "pq"),
         ("beleza", "blz"))
VOICE_FILLERS = ("é", "tipo", "então", "né", "hum")
LOOK_PREFIXES = """oi meta olha isso,; oi meta o que é isso; olha e me diz""".replace("\n", " ")
JOINERS = (" e também ", ". outra coisa: ", ", ah e ", ". aliás ", " e ")

HARD_NEGATIVES: tuple[tuple[str, str], ...] = (
    ("como mato um processo python no linux", "no_ad_topic"),
    ("a bateria da minha pulseira fitness acaba rápido", "tech"),
    ("o bluetooth do carro não conecta no celular", "tech"),
    ("meu notebook pegou vírus", "tech"),
    ("músicas de soul para domingo", "music"),
    ("massa muscular sem suplemento", "fitness"),
    ("yoga para iniciantes em casa", "fitness"),
    ("meu cachorro está deprimido depois da mudança", "pets"),
    ("minha gata está doente e não come", "pets"),
    ("o que significa a palavra saudade", "no_ad_topic"),
    ("a grande depressão de 1929 para o trabalho da escola", "no_ad_topic"),
    ("vestido preto para festa", "fashion"),
    ("skincare coreano para pele oleosa", "beauty"),
    ("fantasia de halloween para meu filho", "parenting"),
    ("a calibragem do pneu da bike", "cycling"),
    ("jogo god of war vale a pena", "gaming"),
)

SENSITIVE_CONTEXTS: dict[str, str] = {
    "health": """estando grávida; com diabetes; com asma; depois da cirurgia no joelho;
    com pressão alta; tomando antidepressivo; com ansiedade""",
    "religion": """que seja halal; que seja kosher; durante o ramadã; na quaresma; para o
    grupo da igreja""",
    "sexual_orientation": """gay friendly; para um casal de lésbicas; para o meu casamento
    gay; para a parada lgbt""",
    "politics": """para a campanha eleitoral; para a manifestação""",
    "trade_union": """para a greve do sindicato""",
}
