"""Requests that ask the assistant to do something (timers, reminders, calls, settings, small
talk, bills, bookings), per language and true label: whole messages for the training corpus.

Most such requests carry no ad interest; those about a bill, a card, a table or a flight carry
the everyday topic they are about. Written for training only, in the style of the other lists;
nothing here is copied from a public corpus or from the hand-written validation set.
"""

ASSISTANT: dict[str, dict[str, str]] = {
    "en": {
        "no_ad_topic": """set an alarm for 6 30 tomorrow; wake me up
        at 7; cancel my alarm; snooze for five more minutes; remind me to take the bins out
        tonight; remind me about the dentist on friday; what's on my calendar today; add lunch
        with sam to my calendar on tuesday; move my 3pm meeting to 4; do i have anything
        tomorrow morning; add milk and eggs to my shopping list; what's on my to do list;
        cross laundry off my list; call mom; text john that i'm running late; send a message
        to my wife saying i'm on my way; read my last message; share my location with dad;
        where am i right now; how long will it take to get home; how far is the airport from
        here; is there traffic on the way to work; give me directions to the nearest gas
        station; what's the weather like today; will it rain tomorrow; do i need an umbrella
        this afternoon; how hot will it be on saturday; what's today's date; what day is it;
        what time is it; what time is it in london right now; how many days until new year;
        when is the next public holiday; turn up the volume; lower the volume; speak slower;
        talk faster please; whisper from now on; change your voice to a british accent;
        switch the language to spanish; call me alex from now on; what's my name; can i
        change your name; reset all your settings; repeat that please; say that again; what
        did you just say; yes; no; yeah go ahead; nope; maybe later; i'm not sure; ok cancel
        that; never mind; stop; thanks; thank you so much; hello there; hi how are you; good
        morning; goodbye; see you later; who made you; who do you work for; are you a robot;
        are you a real person; how old are you; what's your name; where are you from; what can
        i ask you; what are your hobbies; do you have any pets; tell me
        something interesting; flip a coin; roll a die; roll two dice; pick a number between 1
        and 100; what's 18 times 24; what's 20 percent of 150; square root of 144; how many
        ounces in a cup; how do you spell necessary; what
        does ephemeral mean; define the word ubiquitous; translate thank you into german; how
        do you say cheers in japanese; find my phone; make my phone ring; when is my next
        payday; how many vacation days do i have left; request friday off; how many sick days
        have i used this year; schedule a meeting with the team for monday; book a room for
        the 2pm call; what's the speed of sound; how tall is the eiffel tower; who wrote
        hamlet; how far is the moon; why do cats purr; what's the population of brazil; how
        do airplanes stay up; write a text to my
        landlord about the broken heater; draft a reply saying i can't make it; turn this
        into bullet points; make this sound more professional; check my spelling in this
        paragraph; help me word a birthday card for my aunt; give me a fun fact about
        octopuses; what's the answer to 7 across in the crossword; call me an uber; how much
        is an uber to downtown""",
        "personal_finance": """what's my checking account balance; how much is in my savings;
        transfer 200 dollars from savings to checking; send 50 to my roommate; pay my
        electric bill; when is my phone bill due; what's the minimum payment on my credit
        card; how much do i owe on my visa; show my last five transactions; how much did i
        spend on groceries last month; my card got declined at the store; i lost my credit
        card, cancel it; my debit card is damaged, can i get a new one; freeze my bank
        account; someone used my card without permission; what's my credit limit; can i
        raise my credit limit; what's the apr on my card; how many reward points do i have;
        redeem my points for a gift card; what's my credit score; how do i boost my credit
        score; when does my card expire; what's my bank's routing number; order new checks;
        change my card pin; what's the interest rate on my savings account; is my credit card
        application approved yet; do i pay foreign transaction fees on my card; set up direct
        deposit for my paycheck; how much tax do i owe this year; where do i find my w2; roll
        over my old 401k""",
        "cooking": """book a table for two at an italian place tonight; reserve a table for 6
        at 8pm; cancel my dinner reservation for friday; is my reservation at the sushi
        place confirmed; does that steakhouse take reservations; how busy is the thai place
        right now; what do people say about the new burger place; find a good brunch spot
        near me; what should i make for dinner tonight; how long do i roast a chicken for;
        what can i use instead of buttermilk; what's in a margarita pizza; how long does
        cooked rice last in the fridge; give me a recipe for lentil soup""",
        "travel": """is my flight on time; what gate does my flight leave from; book a flight
        to chicago next friday; find me a hotel in lisbon for three nights; rent a car at
        the denver airport; the airline lost my suitcase; how big can my carry on be; do i
        need a visa for brazil; what plug do they use in italy; what's the exchange rate
        for euros; let my bank know i'm traveling to mexico; any travel warnings for peru;
        where should i go for a week in march""",
        "music": """play some jazz; play the new taylor swift album; skip this song; next
        track; what song is playing right now; add this song to my workout playlist; put on
        something relaxing; play my discover weekly; shuffle my liked songs; who sings this
        song""",
        "cars": """when is my next oil change due; how do i change my oil myself; what should
        my tire pressure be; schedule a service for my car; what gas does my car take; how
        many miles per gallon does my car get; how do i jump start a car; how do i change a
        flat tire; when was my car last serviced""",
        "books": """rate this novel five stars; give the book i just finished four out of
        five; add this book to my reading list; what should i read next""",
        "movies": """what movies are playing tonight near me; showtimes for the new pixar
        film; find a cinema showing the batman this weekend; what's on netflix that's
        good""",
    },
    "es": {
        "no_ad_topic": """pon un temporizador de 10 minutos; pon una alarma a las 7;
        despiértame a las 6 y media; cancela la alarma; recuérdame sacar la basura esta
        noche; qué tengo en el calendario hoy; añade leche a la lista de la compra; llama a
        mamá; manda un mensaje a juan diciendo que llego tarde; dónde estoy; cuánto tardo en
        llegar a casa; hay tráfico para ir al trabajo; qué tiempo hace hoy; va a llover
        mañana; qué día es hoy; qué hora es; sube el volumen; baja el volumen; habla más
        despacio; cambia el idioma a inglés; repite eso; sí; no; quizás; vale; gracias;
        hola qué tal; adiós; quién te creó; eres un robot; cómo te llamas; cuántos años
        tienes; cuéntame un chiste; tira una moneda; tira un dado; cuánto es 15 por 12;
        cuántos gramos tiene una libra; cómo se escribe exhausto; qué significa efímero;
        cómo se dice gracias en alemán; encuentra mi móvil; cuántos días de vacaciones me
        quedan; pídeme un uber; escribe un mensaje para mi casero""",
        "personal_finance": """cuánto dinero tengo en la cuenta; transfiere 100 euros a mi
        cuenta de ahorro; paga la factura de la luz; cuándo vence el recibo del móvil; cuál
        es el pago mínimo de mi tarjeta; me rechazaron la tarjeta en la tienda; perdí mi
        tarjeta, bloquéala; cuál es mi límite de crédito; cuántos puntos tengo en la
        tarjeta; cambia el pin de mi tarjeta; muéstrame mis últimos movimientos""",
        "cooking": """reserva una mesa para dos esta noche; cancela mi reserva del viernes;
        ese restaurante acepta reservas; qué hago de cena hoy; cuánto tiempo se asa un
        pollo""",
        "travel": """mi vuelo sale a tiempo; reserva un hotel en lisboa; alquila un coche en
        el aeropuerto; la aerolínea perdió mi maleta; necesito visado para brasil""",
        "music": """pon música relajante; siguiente canción; qué canción suena; añade esta
        canción a mi lista""",
        "cars": """cuándo toca el cambio de aceite; qué presión llevan mis ruedas; cómo
        arranco el coche con pinzas""",
    },
    "pt": {
        "no_ad_topic": """coloca um timer de 10 minutos; põe um alarme para as 7; me acorda
        às 6 e meia; cancela o alarme; me lembra de tirar o lixo hoje à noite; o que tenho
        na agenda hoje; adiciona leite na lista de compras; liga para a minha mãe; manda
        uma mensagem pro joão dizendo que vou atrasar; onde eu estou; quanto tempo até em
        casa; tem trânsito pro trabalho; como está o tempo hoje; vai chover amanhã; que dia
        é hoje; que horas são; aumenta o volume; abaixa o volume; fala mais devagar; muda o
        idioma para inglês; repete isso; sim; não; talvez; beleza; obrigado; oi tudo bem;
        tchau; quem te criou; você é um robô; qual é o seu nome; quantos anos você tem; me
        conta uma piada; joga uma moeda; joga um dado; quanto é 15 vezes 12; quantos gramas
        tem uma libra; como se escreve exceção; o que significa efêmero; como se diz
        obrigado em alemão; acha o meu celular; quantos dias de férias eu tenho; chama um
        uber pra mim""",
        "personal_finance": """qual é o saldo da minha conta; transfere 100 reais para a
        poupança; paga a conta de luz; quando vence a fatura do cartão; qual o pagamento
        mínimo do cartão; meu cartão foi recusado na loja; perdi meu cartão, bloqueia; qual
        é o meu limite; quantos pontos eu tenho no cartão; muda a senha do cartão; mostra
        meus últimos gastos""",
        "cooking": """reserva uma mesa para dois hoje à noite; cancela minha reserva de
        sexta; esse restaurante aceita reserva; o que eu faço de janta hoje; quanto tempo
        pra assar um frango""",
        "travel": """meu voo está no horário; reserva um hotel em lisboa; aluga um carro no
        aeroporto; a companhia aérea perdeu minha mala; preciso de visto para os eua""",
        "music": """toca uma música relaxante; próxima música; que música está tocando;
        adiciona essa música na minha playlist""",
        "cars": """quando é a próxima troca de óleo; qual a calibragem dos pneus; como fazer
        chupeta na bateria do carro""",
    },
    "hi-en": {
        "no_ad_topic": """10 minute ka timer laga do; subah 7 baje ka alarm lagao; alarm
        cancel karo; raat ko kachra bahar rakhne ka reminder do; aaj calendar mein kya hai;
        shopping list mein doodh add karo; mummy ko call karo; rahul ko message bhejo ki
        late ho jaunga; main abhi kahan hoon; ghar pahunchne mein kitna time lagega; office
        ke raste mein traffic hai kya; aaj mausam kaisa hai; kal baarish hogi kya; aaj
        kaunsi date hai; kitne baje hain; volume badhao; volume kam karo; dheere bolo;
        language english kar do; phir se bolo; haan; nahi; shayad; theek hai; thank you;
        hello kaise ho; bye; tumhe kisne banaya; kya tum robot ho; tumhara naam kya hai;
        coin flip karo; dice roll karo; 15 guna 12 kitna hota hai;
        necessary ki spelling kya hai; ephemeral ka matlab kya hai; german mein thank you
        kaise bolte hain; mera phone dhundo; kitni chhuttiyan bachi hain; ek uber book
        karo""",
        "personal_finance": """mere account mein kitna balance hai; savings mein 5000
        transfer karo; bijli ka bill bharo; credit card ka minimum payment kitna hai; mera
        card decline ho gaya; card kho gaya block karo; mera credit limit kya hai; card ka
        pin change karo; last ke transactions dikhao""",
        "cooking": """aaj raat do logon ke liye table book karo; friday ki reservation
        cancel karo; aaj dinner mein kya banau""",
        "travel": """meri flight time pe hai kya; goa mein hotel book karo; airline ne mera
        bag kho diya; dubai ke liye visa chahiye kya""",
        "music": """kuch relaxing gaane chalao; agla gaana; ye kaunsa gaana hai; ye gaana
        playlist mein daalo""",
        "cars": """agla oil change kab hai; tyre pressure kitna hona chahiye""",
    },
}
