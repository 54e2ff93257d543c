"""Chat and conversation text: messages to Meta AI and diary notes of offline conversations.

Vectorised generation from documented vocabulary lists in four languages, used by the generator.

Vocabulary (public, so whoever trains a text model can see what the generator can say):
- `TOPIC_PHRASES[topic]`: phrases about a topic ("waterproof hiking boots", "my tax return",
  "whether free will is real"); they fill the slot `{x}` of the frames in
  `PHRASE_TEMPLATES[phrase_kind(phrase)]` ("tell me about {x}", "I'm worried about {x}",
  "I'm wondering {x}") and of the `CONVERSATION_TEMPLATES`.
- `TOPIC_ITEMS[topic]`: things to buy or choose ("a 30L backpack") for the shopping frames
  of `ITEM_TEMPLATES` ("can you recommend {x}?"); empty for topics nobody shops for.
- `TOPIC_MESSAGES[topic]`: whole messages that only make sense for one topic
  ("planning a hiking trip in the Alps, which boots should I get?").
- `schema.NO_AD_TOPIC` has phrases and messages too: writing help, facts and practical
  requests with no ad interest ("help me write a cover letter", "why is the sky blue?"); its
  phrases use `TASK_TEMPLATES`, and conversation notes about nothing in particular use
  `CONVERSATION_NO_TOPIC`. Topic code -1 means no ad topic.
- `AMBIGUOUS_MESSAGES`: messages that fit several topics, each with the topics it fits; the
  label is then the topic the caller asked for (the person's real intent).
- `MIX_TEMPLATES`: a second clause appended to a message about another topic (the label stays
  the first, primary topic).
- `MISSPELLINGS`: common word-level misspellings; on top of them a share of messages gets a
  swapped pair of adjacent letters.
- `PEOPLE`: who a conversation was with.
- `OPENERS` / `CLOSERS`: chatty additions ("hey meta, ", " thx").
- `VOCABULARY[lang]`: the same lists per language of `schema.CHAT_LANGUAGES` (English is the
  lists above; Spanish, Portuguese and Hindi-English are in `adlens.chat_text_langs`).
- `VOCABULARY_ID`: a hash of all of the above, to key caches of models trained on this text.

Every topic of `schema.ALL_TOPICS` has phrases and messages in every language. Functions take
topic ids as a numpy array and a numpy Generator and never loop in Python over messages (only
over languages, templates and vocabulary entries), so millions of messages take seconds.
"""

from __future__ import annotations

import hashlib
import json
import string

import numpy as np
import pandas as pd

from adlens import schema

TOPIC_PHRASES: dict[str, tuple[str, ...]] = {
    "hiking": (
        "waterproof hiking boots", "a good day hike near Munich", "trail running shoes vs boots",
        "the best hiking trails in the Dolomites", "a lightweight daypack", "trekking poles",
        "hiking boots for wide feet", "the Tour du Mont Blanc", "a beginner hike with a view",
        "blister-proof hiking socks", "a rain jacket for mountain hikes", "hut-to-hut hiking",
    ),
    "running": (
        "a couch to 5k plan", "running shoes for flat feet", "my first half marathon",
        "a marathon training plan", "interval runs", "a running watch with GPS",
        "shin splints after running", "trail running in winter", "carbon plate racing shoes",
        "running in the rain", "a parkrun near me", "how fast to run an easy run",
    ),
    "fitness": (
        "a home workout without equipment", "a gym routine for beginners", "protein powder",
        "adjustable dumbbells", "a 3 day split", "building muscle after 40", "a yoga mat",
        "kettlebell workouts", "a gym membership", "resistance bands", "core exercises",
        "how many sets and reps to do",
    ),
    "cooking": (
        "a quick weeknight pasta recipe", "a cast iron pan", "dinner ideas with chicken thighs",
        "a vegetarian lasagna", "meal prep for the week", "an air fryer", "sourdough starter",
        "what to cook with leftover rice", "a good chef's knife", "a slow cooker chili recipe",
        "a birthday cake recipe", "spices for a curry",
    ),
    "coffee": (
        "an espresso machine for home", "a burr grinder", "pour over coffee",
        "the best coffee beans", "cold brew at home", "a milk frother", "oat milk for lattes",
        "a moka pot", "light roast vs dark roast", "a coffee subscription",
        "descaling my coffee machine", "a flat white",
    ),
    "travel": (
        "cheap flights to Lisbon", "a weekend in Rome", "a hotel near the Eiffel Tower",
        "things to do in Tokyo", "a carry-on suitcase", "travel insurance", "a city break in March",
        "the best time to visit Bali", "an itinerary for 10 days in Japan", "a road trip in Spain",
        "airport lounge access", "train travel across Europe",
    ),
    "gaming": (
        "a new gaming headset", "the best PS5 games right now", "a gaming chair",
        "Nintendo Switch games for two players", "a gaming laptop under 1000",
        "the new Zelda", "a mechanical keyboard for gaming", "Elden Ring boss tips",
        "a 144hz monitor", "Steam Deck vs Switch", "co-op games to play with my kid",
        "Game Pass",
    ),
    "fashion": (
        "a winter coat", "white sneakers that go with everything", "what to wear to a wedding",
        "a capsule wardrobe", "jeans for tall guys", "a leather bag", "outfit ideas for work",
        "a dress for a summer party", "a wool scarf", "vintage clothes", "ankle boots",
        "a good pair of sunglasses",
    ),
    "beauty": (
        "a moisturizer for dry skin", "a skincare routine", "sunscreen for oily skin",
        "retinol for beginners", "a hair dryer that won't fry my hair", "a vitamin C serum",
        "a nail salon near me", "curly hair products", "a perfume for summer",
        "under-eye concealer", "a shampoo for dandruff", "a haircut for a round face",
    ),
    "pets": (
        "dog food for a puppy", "a cat that keeps scratching the sofa", "a dog walker",
        "a harness for a small dog", "adopting a rescue cat", "a vet near me",
        "puppy training classes", "cat litter that doesn't smell", "a dog bed",
        "flea treatment for cats", "a fish tank for beginners", "toys for a bored dog",
    ),
    "parenting": (
        "a stroller", "baby sleep schedules", "a car seat for a toddler", "potty training",
        "daycare near me", "activities for a 5 year old", "screen time rules for kids",
        "a baby monitor", "teething", "birthday party ideas for kids", "a school backpack",
        "getting my toddler to eat vegetables",
    ),
    "personal_finance": (
        "a high yield savings account", "index funds", "paying off my credit card",
        "a budget app", "saving for a house deposit", "a pension", "ETFs for beginners",
        "my tax return", "a better mortgage rate", "an emergency fund",
        "investing 200 a month", "a cashback credit card",
    ),
    "cars": (
        "an electric car", "winter tyres", "a used Toyota", "leasing vs buying a car",
        "a hybrid SUV", "car insurance", "the range of a Tesla Model 3", "a dashcam",
        "a family car with 7 seats", "an oil change", "charging an EV at home",
        "a car that's cheap to run",
    ),
    "tech": (
        "a new phone", "noise cancelling headphones", "a laptop for university",
        "iPhone vs Pixel", "a smartwatch", "a mesh wifi router", "a tablet for drawing",
        "a password manager", "a 4K monitor", "wireless earbuds", "a portable charger",
        "backing up my photos",
    ),
    "music": (
        "concert tickets", "learning guitar", "a good pair of speakers", "a record player",
        "songs like Taylor Swift", "a Spotify playlist for running", "piano lessons for adults",
        "festival tickets this summer", "a beginner ukulele", "a music production app",
        "jazz albums to start with", "a karaoke machine",
    ),
    "movies": (
        "a movie for tonight", "the new Marvel film", "horror movies that are actually scary",
        "a streaming service", "the Oscar nominations", "a projector for movie nights",
        "feel-good films", "the best Christopher Nolan movie", "a cinema near me",
        "a series like Succession", "classic movies everyone should see",
        "family movies for the holidays",
    ),
    "books": (
        "a good thriller", "books like The Night Circus", "a Kindle", "a book club pick",
        "fantasy series for adults", "audiobooks for my commute", "a nonfiction book about history",
        "the new Sally Rooney", "books for a 10 year old", "a cozy mystery",
        "sci-fi classics", "a poetry collection",
    ),
    "sports": (
        "Champions League tickets", "the NBA standings", "a football shirt", "tennis lessons",
        "a padel racket", "the F1 calendar", "watching the match tonight",
        "a golf club set for beginners", "ski passes", "the Super Bowl", "fantasy football",
        "a basketball for outdoor courts",
    ),
    "home_garden": (
        "a new sofa", "painting the living room", "a robot vacuum",
        "storage ideas for a small flat",
        "a standing desk", "fixing a leaky tap", "blackout curtains", "a bathroom renovation",
        "a rug for the hallway", "smart light bulbs", "a cordless drill", "a mattress",
    ),
    "photography": (
        "a mirrorless camera", "a lens for portraits", "editing photos in Lightroom",
        "a tripod for travel", "night photography", "a used Fujifilm", "film cameras",
        "a camera for vlogging", "photo printing", "a drone for aerial shots",
        "composition tips", "a camera bag",
    ),
    "gardening": (
        "tomatoes on a balcony", "a raised bed", "when to plant tulip bulbs",
        "a plant with yellow leaves", "compost", "houseplants that are hard to kill",
        "a lawn mower", "pruning roses", "seeds for a herb garden", "slugs eating my lettuce",
        "a garden hose that doesn't kink", "a monstera",
    ),
    "cycling": (
        "a road bike", "an e-bike for commuting", "a bike helmet", "a bike lock",
        "cycling shoes and clips", "a gravel bike", "fixing a flat tyre", "a bike rack for the car",
        "a cycling route along the Danube", "bike lights", "a turbo trainer", "padded shorts",
    ),
    "wine": (
        "a red wine under 15", "wine to pair with steak", "a natural wine bar",
        "a wine subscription", "pinot noir vs merlot", "a bottle of champagne for a party",
        "wine tasting in Tuscany", "a wine fridge", "an orange wine", "a gift for a wine lover",
        "rose for summer", "decanting wine",
    ),
    "camping": (
        "a 2 person tent", "a sleeping bag for cold nights", "a camping stove",
        "wild camping in Scotland", "a campsite near the lake", "a camping chair",
        "a headlamp", "a roof tent", "glamping", "an inflatable sleeping pad",
        "campfire recipes", "a cooler box",
    ),
    "religion": (
        "fasting during Ramadan", "a church with services in English", "the meaning of Psalm 23",
        "explaining Lent to my kids", "converting to Judaism",
        "what Buddhists believe about rebirth",
        "a mosque near my office", "prayer times today", "a Bible study group",
        "Hindu festivals this month",
    ),
    "sexual_orientation": (
        "coming out to my parents", "LGBTQ-friendly bars in Berlin", "telling my friends I'm bi",
        "Pride events this summer", "whether I might be gay", "a queer book club",
        "support groups for gay teens", "dating as a lesbian in a small town",
        "being asexual",
    ),
    "politics": (
        "who to vote for in the next election", "the new immigration bill",
        "contacting my representative", "the party manifestos", "a protest this weekend",
        "the latest polls", "registering to vote", "the debate last night",
        "whether the minimum wage should go up", "climate policy",
    ),
    "health": (
        "a rash that won't go away", "my blood pressure readings", "side effects of metformin",
        "anxiety medication", "a therapist near me", "migraines every week",
        "my cholesterol results",
        "insomnia", "an ADHD diagnosis as an adult", "a lump in my breast", "back pain",
        "antidepressants", "my type 2 diabetes", "a persistent cough", "IBS flare ups",
        "losing weight with a thyroid problem",
    ),
    "ethnicity": (
        "tracing my family's roots in Nigeria", "racism at work",
        "connecting with my Korean heritage",
        "growing up mixed race", "visiting my grandparents' home village in Punjab",
        "Black-owned businesses near me", "Roma history", "learning my parents' language",
    ),
    "philosophy": (
        "stoicism for beginners", "whether free will is real", "what Nietzsche meant by the abyss",
        "existentialism", "the meaning of life", "Marcus Aurelius' Meditations",
        "the trolley problem", "atheism vs agnosticism", "utilitarianism",
    ),
    "trade_union": (
        "joining a union at work", "my union's strike vote", "union dues", "collective bargaining",
        "organizing my workplace", "a union rep", "what happens if we go on strike",
        "the nurses' union pay deal",
    ),
    "genetics": (
        "my DNA test results", "BRCA gene testing", "whether my condition is hereditary",
        "a genetic counsellor", "an ancestry DNA kit", "carrier screening before pregnancy",
    ),
    "biometrics": (
        "my fingerprint data", "facial recognition at the airport", "an iris scan",
        "who stores my face ID", "voice recognition at my bank", "palm scanning to pay",
    ),
    "sex_life": (
        "low libido", "spicing things up with my partner", "safe sex", "erectile problems",
        "sex after having a baby", "a sex therapist",
    ),
}

# Things to buy or choose (with their article), for the shopping frames of `ITEM_TEMPLATES`;
# a topic without items only uses `CHAT_TEMPLATES` and its whole messages.
TOPIC_ITEMS: dict[str, tuple[str, ...]] = {
    "hiking": (
        "hiking boots", "a waterproof hiking jacket", "trekking poles", "a 30L backpack",
        "hiking boots for the Alps", "merino socks", "a hiking GPS", "gaiters",
    ),
    "running": (
        "running shoes", "a running watch", "a running belt for my phone", "trail shoes",
        "a foam roller", "running headphones", "a hydration vest", "compression socks",
    ),
    "fitness": (
        "a gym membership", "adjustable dumbbells", "a pull up bar", "a protein powder",
        "a fitness tracker", "a rowing machine", "a kettlebell", "gym shoes",
    ),
    "cooking": (
        "a chef's knife", "an air fryer", "a dutch oven", "a stand mixer", "a meal kit",
        "non-stick pans", "a rice cooker", "a cookbook for beginners",
    ),
    "coffee": (
        "an espresso machine", "a grinder", "coffee beans", "a french press", "a milk frother",
        "a coffee subscription", "a travel mug", "a pour over kettle",
    ),
    "travel": (
        "a carry-on suitcase", "travel insurance", "a hotel in Lisbon", "flights to Bangkok",
        "a rail pass", "noise cancelling headphones for flights", "a travel adapter",
        "a city tour in Rome",
    ),
    "gaming": (
        "a gaming headset", "a gaming chair", "a PS5", "a Switch 2", "a gaming monitor",
        "a controller for PC", "a gaming laptop", "a game for my nephew",
    ),
    "fashion": (
        "a winter coat", "white sneakers", "a suit for a wedding", "new jeans", "a leather bag",
        "a watch", "a rain jacket that looks nice", "boots for winter",
    ),
    "beauty": (
        "a moisturizer", "a sunscreen", "a hair dryer", "a retinol serum", "a perfume",
        "a foundation", "a hair straightener", "an electric toothbrush",
    ),
    "pets": (
        "dog food", "a cat tree", "a dog harness", "pet insurance", "a litter box",
        "a dog bed", "a GPS tracker for my dog", "cat food for a senior cat",
    ),
    "parenting": (
        "a stroller", "a car seat", "a baby monitor", "a high chair", "a baby carrier",
        "a bike for a 5 year old", "a tablet for my kid", "diapers",
    ),
    "personal_finance": (
        "a savings account", "a credit card", "a budgeting app", "an ETF", "a financial adviser",
        "a bank account with no fees", "a private pension", "life insurance",
    ),
    "cars": (
        "an electric car", "winter tyres", "a used car", "car insurance", "a dashcam",
        "a car seat cover", "a home charger", "a roof box",
    ),
    "tech": (
        "a new phone", "a laptop", "headphones", "a smartwatch", "a router", "a tablet",
        "a monitor", "a phone case",
    ),
    "music": (
        "concert tickets", "a guitar", "speakers", "a turntable", "headphones for music",
        "a keyboard piano", "a music streaming plan", "a microphone",
    ),
    "movies": (
        "a streaming service", "a projector", "a soundbar", "cinema tickets for Saturday",
        "a TV", "a Blu-ray player", "a movie night popcorn maker",
    ),
    "books": (
        "a Kindle", "a thriller", "an audiobook", "a book for my mum", "a fantasy series",
        "a biography", "a book for the beach",
    ),
    "sports": (
        "match tickets", "a football shirt", "a padel racket", "a tennis racket", "golf clubs",
        "a sports streaming pass", "ski boots",
    ),
    "home_garden": (
        "a sofa", "a robot vacuum", "a mattress", "a standing desk", "a drill", "curtains",
        "a dehumidifier", "a rug",
    ),
    "photography": (
        "a camera", "a lens", "a tripod", "a camera bag", "a drone", "an SD card",
        "a film camera", "a photo printer",
    ),
    "gardening": (
        "a lawn mower", "a raised bed", "tomato seeds", "a hose", "garden gloves", "compost",
        "a pruning saw", "a grow light",
    ),
    "cycling": (
        "an e-bike", "a road bike", "a helmet", "a bike lock", "bike lights", "cycling shoes",
        "a bike computer", "a cargo bike",
    ),
    "wine": (
        "a red wine", "a bottle of champagne", "a wine fridge", "a wine subscription",
        "wine glasses", "a corkscrew", "a white wine for fish",
    ),
    "camping": (
        "a tent", "a sleeping bag", "a camping stove", "a sleeping pad", "a headlamp",
        "a camping chair", "a cool box", "a campervan rental",
    ),
    "religion": ("a children's Bible", "a prayer mat", "a rosary"),
    "sexual_orientation": (),
    "politics": (),
    "health": (
        "a blood pressure monitor", "melatonin", "vitamin D", "a sleep app", "a knee brace",
        "reading glasses", "an allergy nasal spray",
    ),
    "ethnicity": (),
    "philosophy": ("a book on stoicism",),
    "trade_union": (),
    "genetics": ("a DNA test", "a genetic test"),
    "biometrics": (),
    "sex_life": ("condoms", "a lubricant"),
}

TOPIC_MESSAGES: dict[str, tuple[str, ...]] = {
    "hiking": (
        "planning a hiking trip in the Alps, which boots should I get?",
        "how long does it take to hike Ben Nevis?",
        "is the Zugspitze hike doable for beginners",
        "what should I wear for a 15 km hike in October?",
        "my hiking boots are leaking, are Gore-Tex ones worth it?",
        "give me a 3 day hiking route in the Lake District",
        "we want to hike Kilimanjaro next year, how fit do we need to be",
        "is it safe to hike alone in the Pyrenees in May",
        "what's a good first multi-day hike in Scotland",
        "do I really need hiking boots or are sneakers fine for the trail",
    ),
    "running": (
        "I ran 5k in 31 minutes today, how do I get under 30?",
        "how many km a week should I run for a half marathon",
        "my knees hurt after long runs, what shoes help?",
        "best time of day to go for a run?",
        "training for the Berlin marathon, make me a 16 week plan",
        "should I run every day or take rest days",
        "how do I stop getting a side stitch when I run",
        "is it bad to run on an empty stomach?",
        "what pace should my long run be if my 10k is 55 min",
    ),
    "fitness": (
        "give me a 30 minute full body workout",
        "how much protein do I need to build muscle?",
        "I want to do my first pull up, where do I start",
        "is it ok to go to the gym every day",
        "what's a good leg day routine",
        "how do I stay motivated to work out in winter",
        "how do I lose belly fat without cardio",
        "is creatine safe to take every day?",
        "what's better for weight loss, weights or HIIT",
    ),
    "cooking": (
        "what can I make with eggs, spinach and feta?",
        "how long do I roast a chicken for",
        "give me a recipe for ramen from scratch",
        "my sauce is too salty, how do I fix it",
        "easy dinner for 6 people that I can make ahead?",
        "substitute for buttermilk in pancakes",
        "how do I make crispy roast potatoes",
        "what's a quick lunch I can take to work",
        "can I freeze cooked rice?",
    ),
    "coffee": (
        "why does my espresso taste sour?",
        "how much coffee for a french press",
        "is a Breville worth it or should I get a De'Longhi",
        "how do I make latte art at home",
        "what grind size for pour over",
        "best coffee beans for a moka pot?",
        "how many shots of espresso is too many in a day",
        "why is my cold brew bitter",
        "what's the difference between a cortado and a flat white",
    ),
    "travel": (
        "planning 4 days in Barcelona, what should we see?",
        "do I need a visa for Thailand with a German passport",
        "cheapest way to get from London to Paris",
        "what to pack for a week in Iceland in February",
        "is Lisbon or Porto better for a long weekend?",
        "find me a quiet beach town in Greece for June",
        "how early should I get to the airport for an international flight",
        "what's the best area to stay in Tokyo for a first visit",
        "is it worth getting an eSIM for a trip to the US",
    ),
    "gaming": (
        "is the PS5 Pro worth it?",
        "what games are like Stardew Valley",
        "how do I beat Malenia",
        "my controller keeps drifting, what can I do",
        "best settings for Fortnite on a low end PC",
        "which Xbox should I buy my son for Christmas",
        "is Baldur's Gate 3 good for someone new to RPGs",
        "how do I stream my games on Twitch",
        "what are the best free games on Steam right now",
    ),
    "fashion": (
        "what shoes go with a navy suit?",
        "is it ok to wear black to a wedding",
        "help me pick a winter coat that isn't too bulky",
        "what colours suit warm skin tones",
        "how should chinos fit",
        "I need an outfit for a first date, casual but nice",
        "what should I wear to a job interview at a startup",
        "how do I wash a wool jumper without shrinking it",
        "are wide leg jeans still in",
    ),
    "beauty": (
        "my skin is so dry in winter, what moisturizer?",
        "can I use retinol and vitamin C together",
        "how do I stop my hair from frizzing",
        "what's the best drugstore foundation for oily skin",
        "how often should I exfoliate",
        "does hyaluronic acid actually work",
        "what's a simple skincare routine for men",
        "how do I get rid of dark circles",
        "is it bad to sleep with makeup on",
    ),
    "pets": (
        "my dog keeps barking at night, what do I do?",
        "how often should I feed a 3 month old kitten",
        "is chocolate really that bad for dogs",
        "my cat stopped eating since yesterday, should I worry",
        "how do I introduce a new puppy to my old dog",
        "what's the best breed for a small apartment",
        "how often should I take my dog to the vet",
        "is it ok to leave my cat alone for a weekend",
        "why does my dog eat grass",
    ),
    "parenting": (
        "my 2 year old won't sleep through the night, any tips?",
        "how do I get my kid to do homework without a fight",
        "what should be in a hospital bag for birth",
        "when do babies start crawling",
        "fun rainy day activities for a 4 and 7 year old",
        "how much pocket money for a 10 year old",
        "how do I handle tantrums in public",
        "what age can kids walk to school alone",
        "ideas for a kids party at home on a budget",
    ),
    "personal_finance": (
        "how much should I have in an emergency fund?",
        "is it better to pay off debt or invest",
        "explain ETFs like I'm 12",
        "I have 5000 saved, what should I do with it",
        "how do I start investing with little money",
        "should I fix my mortgage rate for 5 years",
        "how does compound interest work",
        "is it smart to use a buy now pay later app",
        "how much should I be saving each month on 3000 net",
    ),
    "cars": (
        "is an EV worth it if I can't charge at home?",
        "my check engine light came on, is it safe to drive",
        "Golf or Corolla for a first car",
        "how often do I need to change the oil",
        "what's a good used car under 10k",
        "are winter tyres required in Austria",
        "how do I jump start a car",
        "is it cheaper to charge an EV or fill up a petrol car",
        "what does a service usually cost for a VW Golf",
    ),
    "tech": (
        "my laptop is so slow, how do I speed it up?",
        "should I wait for the next iPhone or buy now",
        "what's the best budget phone right now",
        "how do I transfer WhatsApp chats to a new phone",
        "AirPods Pro or Sony WF-1000XM5?",
        "why does my wifi keep dropping",
        "how do I free up storage on my iPhone",
        "is it worth upgrading from an iPhone 12",
        "how do I set up two factor authentication",
    ),
    "music": (
        "songs for a road trip playlist",
        "how long does it take to learn guitar as an adult",
        "who is headlining Glastonbury this year",
        "what's a good first album to get into jazz",
        "recommend me something like Arctic Monkeys",
        "how do I get tickets before they sell out",
        "what are the best songs of 2025 so far",
        "how do I learn to read sheet music",
        "which headphones are best for listening to vinyl",
    ),
    "movies": (
        "what should I watch tonight, something funny",
        "is Dune part two worth seeing in IMAX",
        "movies like Interstellar?",
        "what's new on Netflix this week",
        "explain the ending of Inception",
        "a good movie to watch with my parents",
        "what's the order to watch the Star Wars movies",
        "any good documentaries on Netflix",
        "what's a good scary movie that isn't too gory",
    ),
    "books": (
        "recommend me a book like Project Hail Mary",
        "what should I read after finishing Harry Potter",
        "is the Kindle Paperwhite worth it",
        "a short book I can finish on a flight",
        "best fantasy series that is actually finished",
        "what's a good book for a book club that sparks discussion",
        "what's a good audiobook for a long drive",
        "are there any good books about the Roman empire",
        "what should I read if I loved Normal People",
    ),
    "sports": (
        "who won the game last night?",
        "when does the Champions League final start",
        "explain the offside rule",
        "how do I get better at padel",
        "what time is the F1 race on Sunday",
        "best place to watch the derby in Madrid",
        "who is the best tennis player right now",
        "how does the Champions League draw work",
        "what's the score in the Arsenal game",
    ),
    "home_garden": (
        "what colour should I paint a north facing bedroom?",
        "how do I get rid of mould in the bathroom",
        "best robot vacuum for pet hair",
        "how to hang shelves on a plaster wall",
        "ideas to make a small living room feel bigger",
        "is a memory foam mattress worth it",
        "how do I unclog a sink without chemicals",
        "what's the best way to insulate old windows",
        "how do I get rid of fruit flies in the kitchen",
    ),
    "photography": (
        "what settings should I use for the northern lights?",
        "Sony a6400 or Fuji X-T30 for a beginner",
        "how do I get blurry backgrounds in portraits",
        "best lens for street photography",
        "how to photograph fireworks with my phone",
        "is it worth shooting raw",
        "how do I take better photos of my kids indoors",
        "what's the rule of thirds",
        "is a 50mm lens good for travel",
    ),
    "gardening": (
        "why are my tomato leaves turning yellow?",
        "when should I plant potatoes",
        "what can I grow on a shady balcony",
        "how often should I water a fiddle leaf fig",
        "how do I keep slugs off my hostas",
        "is it too late to plant garlic in November",
        "what vegetables can I plant in March",
        "how do I get rid of aphids on my roses",
        "why is my basil wilting",
    ),
    "cycling": (
        "what size bike do I need if I'm 178 cm",
        "is an e-bike worth it for a 12 km commute?",
        "how do I fix a slipping chain",
        "what tyre pressure for a road bike",
        "best bike routes around Amsterdam",
        "clipless pedals or flats for a beginner",
        "how often should I oil my bike chain",
        "is it safe to cycle in the city with kids",
        "how do I adjust my bike seat height",
    ),
    "wine": (
        "what wine goes with salmon?",
        "is a 20 euro bottle really better than a 7 euro one",
        "how long can I keep an open bottle of red",
        "recommend a nice Rioja for a dinner party",
        "what's the difference between prosecco and champagne",
        "what's a good wine for someone who doesn't like wine",
        "what's a good wine to bring to a dinner party",
        "how should I store wine without a cellar",
        "is Malbec dry or sweet",
    ),
    "camping": (
        "what do I need for my first camping trip?",
        "how cold is too cold to camp with kids",
        "best campsites near Lake Garda",
        "how do I keep my tent dry when it rains all night",
        "is wild camping legal in Norway",
        "easy camping meals with one burner",
        "how do I set up a tent in the wind",
        "what food should I bring for 3 days of camping",
        "are bears a problem at campsites in Canada",
    ),
    "religion": (
        "what time does fasting end today?",
        "can you explain the Holy Trinity simply",
        "how do I pray if I have never prayed before",
        "what should I bring to a bar mitzvah",
        "is it ok to miss mass on Christmas if I am sick",
        "what does the Quran say about forgiveness",
    ),
    "sexual_orientation": (
        "how do I know if I'm bisexual?",
        "my son just came out to me, how can I support him",
        "is it safe to travel to Dubai as a gay couple",
        "how do I tell my family I'm gay",
        "what does queer mean exactly",
    ),
    "politics": (
        "who should I vote for if I care about housing?",
        "what's the difference between the two main parties on tax",
        "when is the next general election",
        "explain the new immigration rules in simple words",
        "is the protest on Saturday going ahead",
        "what did the prime minister say about pensions",
    ),
    "health": (
        "I've had a headache for 3 days, should I see a doctor?",
        "is 150/95 high blood pressure",
        "what are the early signs of diabetes",
        "I can't sleep and feel anxious all the time, what can I do",
        "how long does a cold usually last",
        "can I take ibuprofen with my antidepressants",
        "my doctor wants me to lose weight, how do I start",
        "what does a high TSH level mean",
    ),
    "ethnicity": (
        "what's the history of my surname, it's Igbo",
        "how do I deal with racist comments from a coworker",
        "where can I learn more about Sami culture",
        "my grandmother was Romani, how can I learn more",
        "traditions for Lunar New Year from my family's side",
    ),
    "philosophy": (
        "what is the point of anything honestly",
        "explain stoicism in 3 sentences",
        "do we have free will or is everything determined?",
        "what would Kant say about lying to protect a friend",
        "best intro book to philosophy",
    ),
    "trade_union": (
        "can my boss fire me for joining a union?",
        "how do I start a union at my workplace",
        "is it worth paying union fees",
        "what happens to my pay if we strike",
        "our union is voting on a new contract, what should I look for",
    ),
    "genetics": (
        "my DNA test says I carry a gene for cystic fibrosis, what does that mean?",
        "should I get tested for the BRCA gene if my mum had breast cancer",
        "are DNA ancestry tests accurate",
        "is Huntington's disease hereditary",
    ),
    "biometrics": (
        "does my phone send my fingerprint anywhere?",
        "can shops use facial recognition on me",
        "how do I delete my face data from an app",
        "is paying with my palm safe",
    ),
    "sex_life": (
        "how do I talk to my partner about what I want in bed?",
        "is it normal to have a low sex drive after a baby",
        "what's the most reliable contraception",
        "how do I bring up trying something new with my partner",
    ),
}

# Frames around a topic phrase, by the phrase's kind (see `phrase_kind`): a thing or subject
# ("trekking poles", "the Tour du Mont Blanc"), something of the person's own ("my tax
# return") or a question clause ("whether free will is real").
CHAT_TEMPLATES: tuple[str, ...] = (
    "any tips for {x}?", "I need help with {x}", "tell me about {x}", "I'm thinking about {x}",
    "what do you know about {x}?", "what should I know about {x}", "quick question about {x}",
    "I've been reading about {x}", "need advice on {x} pls", "can you help me with {x}",
    "my friend told me about {x}, thoughts?", "hey, so {x}... any advice?",
    "I keep seeing stuff about {x}", "hey meta, what do you think about {x}",
    "I was talking to my sister about {x}, what do you think?",
)
PERSONAL_TEMPLATES: tuple[str, ...] = (
    "I need help with {x}", "quick question about {x}", "any tips for {x}?",
    "can you help me with {x}", "need advice on {x} pls", "hey, so {x}... any advice?",
    "I'm worried about {x}", "what should I do about {x}?", "I have a question about {x}",
    "ok so {x} - what do you think?",
)
QUESTION_TEMPLATES: tuple[str, ...] = (
    "quick question: {x}?", "can you tell me {x}", "I'm wondering {x}", "do you know {x}?",
    "help me figure out {x}", "I've been trying to work out {x}", "not sure {x}, any idea?",
    "hey meta, {x}?",
)
_QUESTION_WORDS = ("whether", "how", "what", "when", "who", "where", "which", "why")

# Shopping frames around an item of `TOPIC_ITEMS`.
ITEM_TEMPLATES: tuple[str, ...] = (
    "can you recommend {x}?", "looking for {x}", "help me choose {x}",
    "I want to buy {x}, any suggestions?", "where can I get {x} cheap", "should I get {x}?",
    "what should I look for in {x}", "is it worth spending more on {x}?",
    "find me a good deal on {x}", "compare the best options for {x}",
    "I need {x} soon, where do I start?", "hey meta, recommend {x}",
    "cheap or expensive, what matters when buying {x}?",
)

# Messages that fit several topics; the caller's topic is the person's real intent.
AMBIGUOUS_MESSAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("what should I pack for the weekend?", ("hiking", "camping", "travel")),
    ("best shoes for being on my feet all day", ("running", "hiking", "fashion", "health")),
    ("how do I get in shape before summer", ("fitness", "running", "cycling")),
    ("good gift ideas for my dad's 60th?", ("wine", "books", "tech", "cars", "photography")),
    ("what can I do this weekend with the kids", ("parenting", "movies", "camping", "hiking")),
    ("my knee hurts after exercise, what should I do", ("health", "running", "cycling",
                                                         "fitness")),
    ("is it worth spending more on a good one?", ("coffee", "tech", "photography", "cycling")),
    ("best apps for this?", ("personal_finance", "fitness", "tech", "music")),
    ("what do you think about the news today", ("politics", "sports", "tech")),
    ("I need to relax, any ideas", ("health", "books", "movies", "music", "philosophy")),
    ("how can I save money on this", ("personal_finance", "travel", "cars", "home_garden")),
    ("what's good for a rainy day", ("movies", "books", "gaming", "cooking")),
    ("how early should I book?", ("travel", "camping", "music", "sports")),
    ("what's the best brand?", ("fashion", "beauty", "tech", "cars", "coffee")),
    ("I want to get outside more", ("hiking", "cycling", "running", "camping", "gardening")),
    ("is this normal?", ("health", "pets", "parenting", "sex_life")),
    ("I don't feel like myself lately", ("health", "philosophy")),
    ("where can I find people like me around here", ("sexual_orientation", "religion",
                                                     "ethnicity", "sports")),
    ("what's the deal with the strike", ("trade_union", "politics", "travel")),
    ("should I get tested?", ("health", "genetics")),
)

# A second clause about another topic appended to a message (the label stays the first topic).
MIX_TEMPLATES: tuple[str, ...] = (
    " also, any ideas for {x}?", " and btw what about {x}", ". Also thinking about {x}",
    " oh and {x} too", ". Separate question: {x}?", " - also what do you think about {x}",
)

# Chatty openers and closers around a share of messages.
OPENERS: tuple[str, ...] = ("hey meta, ", "hi! ", "ok so ", "quick one: ", "hey, ", "hmm ")
CLOSERS: tuple[str, ...] = (" thanks!", " thx", " :)", " asap", " lol", " please")

MISSPELLINGS: tuple[tuple[str, str], ...] = (
    ("recommend", "reccomend"), ("because", "becuase"), ("definitely", "definately"),
    ("which", "wich"), ("should", "shoud"), ("weekend", "wekend"), ("really", "realy"),
    ("tomorrow", "tomorow"), ("necessary", "neccesary"), ("beginner", "begginer"),
    ("what", "waht"), ("there", "ther"), ("know", "kno"), ("please", "pls"),
    ("you", "u"), ("about", "abt"), ("the ", "teh "), ("with", "wiht"), ("good", "gud"),
    ("people", "ppl"), ("something", "smth"), ("thinking", "thinkin"),
)

PEOPLE: tuple[str, ...] = (
    "my sister", "my brother", "a coworker", "my partner", "my mum", "my dad", "Tom",
    "Anna", "friends", "my neighbour", "my best friend", "the guys at football",
    "my roommate", "a colleague", "my wife", "my husband", "our friends", "Lena",
)

CONVERSATION_TEMPLATES: tuple[str, ...] = (
    "Talked with {who} about {x}", "{who} mentioned {x} at dinner",
    "Chatted about {x} with {who} over coffee", "Long talk with {who} about {x}",
    "{who} and I were discussing {x}", "{who} asked me about {x}",
    "Phone call with {who}, we talked about {x}", "At lunch {who} brought up {x}",
    "Said to {who} that I'm thinking about {x}", "{who} told me about {x}",
    "Argued with {who} about {x}", "Overheard {who} talking about {x}",
    "Texted {who} after we talked about {x}", "Walk with {who}, mostly about {x}",
)

# --- no ad topic: practical requests that carry no ad interest -------------------------------
# Most real assistant chats are writing help, facts and everyday admin (assumption, in line
# with published usage studies of chat assistants); they are labelled `schema.NO_AD_TOPIC`.
TOPIC_PHRASES[schema.NO_AD_TOPIC] = (
    "an email to my landlord", "a cover letter for a marketing job",
    "my essay on the French Revolution", "a birthday message for my aunt",
    "a short poem about autumn", "this paragraph", "a summary of this article",
    "a speech for my brother's wedding", "a thank you note to my teacher", "my CV",
    "a text to my friend saying sorry", "a LinkedIn post about my promotion",
    "an email asking my boss for Friday off", "a complaint letter to the council",
)
TOPIC_ITEMS[schema.NO_AD_TOPIC] = ()
TOPIC_MESSAGES[schema.NO_AD_TOPIC] = (
    "why is the sky blue?", "what's the capital of Australia", "translate 'see you tomorrow'"
    " into French", "what's 18% of 240", "write a haiku about the moon",
    "fix the grammar: me and him goes to school every day", "who was the first person on the"
    " moon?", "how do I say thank you in Japanese", "what time is it in New York right now",
    "tell me a joke", "explain photosynthesis like I'm 10", "what does 'ubiquitous' mean?",
    "make this sound more polite: send me the file now", "give me a fun fact",
    "how far away is the moon", "what's the difference between affect and effect",
    "how many days until Christmas", "summarise this in three bullet points",
    "why do we have tides?", "convert 30 degrees celsius to fahrenheit",
    "what's the weather tomorrow", "set a reminder to call the bank at 5",
    "help me make a to-do list for tomorrow", "how do you spell necessary",
    "who wrote the declaration of independence", "what's a synonym for important",
    "how many centimetres in an inch", "explain what an API is in simple words",
    "what year did the Berlin Wall fall", "write a short bio for my work profile",
    "how do I politely decline a meeting invite", "what's the square root of 144",
    "how do airplanes stay in the air", "who painted the Mona Lisa",
    "rewrite this to sound friendlier", "can you help me with a crossword clue, 5 letters",
)
TASK_TEMPLATES: tuple[str, ...] = (
    "help me write {x}", "can you proofread {x}", "write {x}", "make {x} sound more professional",
    "rewrite {x} so it's shorter", "check the grammar in {x}", "draft {x} for me",
    "can you improve {x}?",
)
# What a diary note of a conversation with no ad topic was about.
CONVERSATION_NO_TOPIC: tuple[str, ...] = (
    "the weather", "her new job", "old school friends", "what we did last weekend",
    "nothing much really", "the traffic this morning", "our plans for Sunday",
    "a funny thing that happened at work", "how the kids are doing at school",
)

_TEMPLATE_SHARE = 0.6  # a frame + phrase or item; the rest are whole topic messages
_ITEM_SHARE = 0.4  # of framed messages on a topic with items, the share that are shopping
DEFAULT_MIX_RATE = 0.12
DEFAULT_TYPO_RATE = 0.08
DEFAULT_AMBIGUOUS_RATE = 0.07
DEFAULT_LOWER_RATE = 0.35
DEFAULT_FILLER_RATE = 0.12
# Share of Spanish and Portuguese messages typed without accents (common on phones; assumption).
DEFAULT_NO_ACCENT_RATE = 0.35
_KINDS = ("thing", "personal", "question", "task")
_SLOTS = (*schema.ALL_TOPICS, schema.NO_AD_TOPIC)  # the last slot is "no ad topic"
_NO_TOPIC_SLOT = len(schema.ALL_TOPICS)
_TOPIC_LOOKUP = pd.Index(schema.ALL_TOPICS)
_STR = np.dtypes.StringDType()
_NO_ACCENTS = str.maketrans({"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ñ": "n",
                            "ã": "a", "õ": "o", "ç": "c", "â": "a", "ê": "e", "ô": "o",
                            "à": "a", "ü": "u", "¿": None, "¡": None})


def _flat(vocab: dict[str, tuple[str, ...]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Flatten per-topic lists (one slot per topic plus "no ad topic") into one array with
    per-slot start offsets and counts."""
    items: list[str] = []
    starts, counts = [], []
    for topic in _SLOTS:
        entries = vocab.get(topic, ())
        starts.append(len(items))
        counts.append(len(entries))
        items.extend(entries)
    return np.array(items, dtype=object), np.array(starts), np.array(counts)


def _kind_of(phrase: str, personal_words: tuple[str, ...],
             question_words: tuple[str, ...]) -> str:
    first = phrase.split(" ", 1)[0].lower()
    if first in personal_words:
        return "personal"
    return "question" if first in question_words else "thing"


def phrase_kind(phrase: str) -> str:
    """'personal' for "my ..." phrases, 'question' for question clauses, else 'thing'."""
    return _kind_of(phrase, ("my",), _QUESTION_WORDS)


PHRASE_TEMPLATES: dict[str, tuple[str, ...]] = {
    "thing": CHAT_TEMPLATES, "personal": PERSONAL_TEMPLATES, "question": QUESTION_TEMPLATES,
    "task": TASK_TEMPLATES,
}

ENGLISH: dict = {
    "phrases": TOPIC_PHRASES, "items": TOPIC_ITEMS, "messages": TOPIC_MESSAGES,
    "templates": PHRASE_TEMPLATES, "item_templates": ITEM_TEMPLATES,
    "ambiguous": AMBIGUOUS_MESSAGES, "mix": MIX_TEMPLATES, "openers": OPENERS,
    "closers": CLOSERS, "misspellings": MISSPELLINGS, "people": PEOPLE,
    "conversation": CONVERSATION_TEMPLATES, "conversation_no_topic": CONVERSATION_NO_TOPIC,
    "personal_words": ("my",), "question_words": _QUESTION_WORDS,
}


class _Vocab:
    """One language's lists as flat numpy arrays, so generation only indexes arrays."""

    def __init__(self, lang: str, vocab: dict) -> None:
        self.lang = lang
        self.phrases, self.phrase_start, self.phrase_count = _flat(vocab["phrases"])
        self.items, self.item_start, self.item_count = _flat(vocab.get("items", {}))
        self.messages, self.message_start, self.message_count = _flat(vocab["messages"])
        by_topic: dict[str, tuple[str, ...]] = {}
        for text, topics in vocab.get("ambiguous", ()):
            for t in topics:
                by_topic[t] = by_topic.get(t, ()) + (text,)
        self.ambig, self.ambig_start, self.ambig_count = _flat(by_topic)
        templates = vocab["templates"]
        # A language without frames of some kind uses its general ones.
        self.templates = {k: tuple(templates.get(k) or templates["thing"]) for k in _KINDS}
        self.item_templates = tuple(vocab.get("item_templates", ()))
        kinds = [_kind_of(p, tuple(vocab["personal_words"]), tuple(vocab["question_words"]))
                 for p in self.phrases]
        slot = np.repeat(np.arange(len(_SLOTS)), self.phrase_count)
        self.phrase_kind = np.array([_KINDS.index(k) for k in kinds], dtype=np.int64)
        self.phrase_kind[slot == _NO_TOPIC_SLOT] = _KINDS.index("task")
        self.mix = tuple(vocab["mix"])
        self.openers = np.array(vocab["openers"], dtype=object)
        self.closers = np.array(vocab["closers"], dtype=object)
        self.misspellings = tuple(vocab["misspellings"])
        self.people = np.array(vocab["people"], dtype=object)
        self.conversation = tuple(vocab["conversation"])
        no_topic = vocab.get("conversation_no_topic") or vocab["phrases"][schema.NO_AD_TOPIC]
        self.conversation_no_topic = np.array(no_topic, dtype=object)
        self.accents = lang in ("es", "pt")
        self.contractions = tuple(vocab.get("contractions", ()))
        self.greeting = self.openers[0].split(" ", 1)[0]


def _vocabularies() -> dict[str, dict]:
    from adlens.chat_text_langs import LANGUAGE_VOCABULARY

    vocabs = {"en": ENGLISH, **LANGUAGE_VOCABULARY}
    missing = set(schema.CHAT_LANGUAGES) - set(vocabs)
    if missing:
        raise RuntimeError(f"no chat vocabulary for {sorted(missing)}")
    return vocabs


# Every language's lists by code of schema.CHAT_LANGUAGES (English is the lists above).
VOCABULARY: dict[str, dict] = _vocabularies()
_VOCABS = {lang: _Vocab(lang, v) for lang, v in VOCABULARY.items()}
_EN = _VOCABS["en"]
# Kept for callers that read the English flat arrays.
_PHRASES, _PHRASE_START, _PHRASE_COUNT = _EN.phrases, _EN.phrase_start, _EN.phrase_count


def topic_codes(topics: np.ndarray, *, allow_no_topic: bool = False) -> np.ndarray:
    """Topic ids to their index in `schema.ALL_TOPICS` (integer arrays are taken as indices).

    With `allow_no_topic`, `schema.NO_AD_TOPIC` (or code -1) gives -1. Unknown ids raise
    ValueError.
    """
    values = np.asarray(topics)
    low = -1 if allow_no_topic else 0
    if values.dtype.kind in "iu":
        codes = values.astype(np.int64)
        bad = (codes < low) | (codes >= len(schema.ALL_TOPICS))
    else:
        as_obj = values.astype(object)
        codes = _TOPIC_LOOKUP.get_indexer(as_obj).astype(np.int64)
        bad = codes < 0
        if allow_no_topic:
            bad &= as_obj != schema.NO_AD_TOPIC
    if bad.any():
        raise ValueError(f"unknown topics: {list(np.unique(values[bad].astype(str))[:5])}")
    return codes


def _slots(topics: np.ndarray) -> np.ndarray:
    """Topic ids or codes to vocabulary slots (no ad topic is the last slot)."""
    codes = topic_codes(topics, allow_no_topic=True)
    return np.where(codes < 0, _NO_TOPIC_SLOT, codes)


def _language_rows(languages: np.ndarray | None, n: int) -> dict[str, np.ndarray]:
    """Row indices per language code (all English when None)."""
    if languages is None:
        return {"en": np.arange(n)}
    langs = np.asarray(languages).astype(object)
    if len(langs) != n:
        raise ValueError(f"languages has {len(langs)} entries for {n} topics")
    unknown = ~np.isin(langs, schema.CHAT_LANGUAGES)
    if unknown.any():
        raise ValueError(f"unknown chat languages: {sorted(set(langs[unknown].astype(str)))[:5]}"
                         f"; expected one of {schema.CHAT_LANGUAGES}")
    return {lang: np.flatnonzero(langs == lang) for lang in schema.CHAT_LANGUAGES}


def _pick(start: np.ndarray, count: np.ndarray, codes: np.ndarray,
          rng: np.random.Generator) -> np.ndarray:
    """A uniformly chosen entry index within each slot of a flat vocabulary."""
    return start[codes] + np.floor(rng.random(len(codes)) * count[codes]).astype(np.int64)


def _fill(templates: tuple[str, ...], which: np.ndarray,
          slots: dict[str, np.ndarray]) -> np.ndarray:
    """Fill template `which[i]` with `slots[name][i]`, one vectorised pass per template."""
    out = np.empty(len(which), dtype=object)
    for j, template in enumerate(templates):
        rows = np.flatnonzero(which == j)
        if rows.size == 0:
            continue
        text = np.full(rows.size, "", dtype=object)
        for literal, field, _, _ in string.Formatter().parse(template):
            if literal:
                text = text + literal
            if field:
                text = text + slots[field][rows]
        out[rows] = text
    return out


def _swap_letters(texts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Swap one pair of adjacent letters in each message (a typing slip)."""
    if texts.size == 0:
        return texts
    lengths = np.strings.str_len(texts)
    width = max(int(lengths.max()), 2)
    codes = texts.astype(f"<U{width}").view(np.uint32).reshape(texts.size, width).copy()
    pos = np.floor(rng.random(texts.size) * np.maximum(lengths - 1, 1)).astype(np.int64)
    r = np.arange(texts.size)
    a, b = codes[r, pos], codes[r, np.minimum(pos + 1, width - 1)]

    def is_letter(c: np.ndarray) -> np.ndarray:
        return ((c >= 97) & (c <= 122)) | ((c >= 65) & (c <= 90))

    ok = is_letter(a) & is_letter(b) & (pos + 1 < lengths)
    codes[r[ok], pos[ok]], codes[r[ok], pos[ok] + 1] = b[ok], a[ok]
    return codes.view(f"<U{width}").ravel()


def _style(texts: np.ndarray, rng: np.random.Generator, typo_rate: float, lower_rate: float,
           vocab: _Vocab, no_accent_rate: float = 0.0) -> np.ndarray:
    """Casual typing: lower case, dropped question marks, misspellings and slips, and (in
    Spanish and Portuguese) dropped accents."""
    n = len(texts)
    out = np.asarray(texts, dtype=_STR)
    # A frame's "de {x}" before "el ..." reads "del ..." (Portuguese: "de o" -> "do").
    for joined, contracted in vocab.contractions:
        out = np.strings.replace(out, joined, contracted)
    lower = rng.random(n) < lower_rate
    out[lower] = np.strings.lower(out[lower])
    drop_q = rng.random(n) < 0.25
    out[drop_q] = np.strings.rstrip(out[drop_q], "?")
    if vocab.accents and no_accent_rate > 0:
        plain = np.flatnonzero(rng.random(n) < no_accent_rate)
        out[plain] = pd.Series(out[plain].astype(object)).str.translate(_NO_ACCENTS).to_numpy(
            dtype=object)
    if typo_rate > 0:
        # Sloppy typists misspell several words; most people misspell none.
        sloppy = np.flatnonzero(rng.random(n) < typo_rate)
        if sloppy.size:
            part = out[sloppy]
            for right, wrong in vocab.misspellings:
                hit = rng.random(sloppy.size) < 0.5
                part[hit] = np.strings.replace(part[hit], right, wrong, count=1)
            slip = rng.random(sloppy.size) < 0.6
            part[slip] = _swap_letters(part[slip], rng)
            out[sloppy] = part
    return out.astype(object)


def make_chat_texts(
    topics: np.ndarray,
    rng: np.random.Generator,
    *,
    mix_rate: float = DEFAULT_MIX_RATE,
    typo_rate: float = DEFAULT_TYPO_RATE,
    ambiguous_rate: float = DEFAULT_AMBIGUOUS_RATE,
    lower_rate: float = DEFAULT_LOWER_RATE,
    filler_rate: float = DEFAULT_FILLER_RATE,
    secondary: np.ndarray | None = None,
    languages: np.ndarray | None = None,
    no_accent_rate: float = DEFAULT_NO_ACCENT_RATE,
) -> np.ndarray:
    """One message to Meta AI per entry of `topics`, as str objects.

    `topics` holds ids of schema.ALL_TOPICS or their codes; `schema.NO_AD_TOPIC` or code -1 is
    a chat with no ad topic (writing help, facts, translation). `languages` holds codes of
    `schema.CHAT_LANGUAGES` per message (None: all English).

    The label of message i is `topics[i]` (its primary topic), also when it is ambiguous or
    mixes in a clause about `secondary[i]` (drawn uniformly from other topics when None; -1 is
    a no-topic clause). Rates: `mix_rate` messages get a second clause, `typo_rate` people type
    sloppily, `ambiguous_rate` messages fit several topics, `lower_rate` are all lower case,
    `filler_rate` get a chatty opener or closer, `no_accent_rate` of Spanish and Portuguese
    messages drop accents. The same rng state gives the same texts.
    """
    slots = _slots(topics)
    n = len(slots)
    if n == 0:
        return np.empty(0, dtype=object)
    other = None if secondary is None else _slots(np.asarray(secondary))
    texts = np.empty(n, dtype=object)
    for lang, rows in _language_rows(languages, n).items():
        if rows.size == 0:
            continue
        texts[rows] = _chats_in(_VOCABS[lang], slots[rows], rng,
                                None if other is None else other[rows], mix_rate=mix_rate,
                                typo_rate=typo_rate, ambiguous_rate=ambiguous_rate,
                                lower_rate=lower_rate, filler_rate=filler_rate,
                                no_accent_rate=no_accent_rate)
    return texts


def _chats_in(vocab: _Vocab, slots: np.ndarray, rng: np.random.Generator,
              other: np.ndarray | None, *, mix_rate: float, typo_rate: float,
              ambiguous_rate: float, lower_rate: float, filler_rate: float,
              no_accent_rate: float) -> np.ndarray:
    """Chats in one language for vocabulary slots (see `make_chat_texts`)."""
    n = len(slots)
    kind = rng.random(n)
    ambiguous = (kind < ambiguous_rate) & (vocab.ambig_count[slots] > 0)
    templated = ~ambiguous & (rng.random(n) < _TEMPLATE_SHARE) & (vocab.phrase_count[slots] > 0)
    whole = ~ambiguous & ~templated

    texts = np.empty(n, dtype=object)
    texts[ambiguous] = vocab.ambig[_pick(vocab.ambig_start, vocab.ambig_count,
                                         slots[ambiguous], rng)]
    texts[whole] = vocab.messages[_pick(vocab.message_start, vocab.message_count,
                                        slots[whole], rng)]
    shopping = (templated & (vocab.item_count[slots] > 0) & (rng.random(n) < _ITEM_SHARE)
                if vocab.item_templates else np.zeros(n, dtype=bool))
    rows = np.flatnonzero(templated & ~shopping)
    chosen = _pick(vocab.phrase_start, vocab.phrase_count, slots[rows], rng)
    for k, name in enumerate(_KINDS):
        of_kind = vocab.phrase_kind[chosen] == k
        templates = vocab.templates[name]
        which = rng.integers(0, len(templates), of_kind.sum())
        texts[rows[of_kind]] = _fill(templates, which, {"x": vocab.phrases[chosen[of_kind]]})
    rows = np.flatnonzero(shopping)
    if rows.size:
        items = vocab.items[_pick(vocab.item_start, vocab.item_count, slots[rows], rng)]
        which = rng.integers(0, len(vocab.item_templates), rows.size)
        texts[rows] = _fill(vocab.item_templates, which, {"x": items})

    mixed = np.flatnonzero((rng.random(n) < mix_rate) & ~ambiguous)
    if mixed.size:
        if other is None:
            second = (slots[mixed] + rng.integers(1, len(schema.ALL_TOPICS), mixed.size)) % len(
                schema.ALL_TOPICS)
        else:
            second = other[mixed]
        clause = _fill(vocab.mix, rng.integers(0, len(vocab.mix), mixed.size),
                       {"x": vocab.phrases[_pick(vocab.phrase_start, vocab.phrase_count,
                                                 second, rng)]})
        base = np.strings.rstrip(texts[mixed].astype(str), "?.!").astype(object)
        texts[mixed] = base + clause
    _add_fillers(texts, rng, filler_rate, vocab)
    return _style(texts, rng, typo_rate, lower_rate, vocab, no_accent_rate)


def _add_fillers(texts: np.ndarray, rng: np.random.Generator, rate: float,
                 vocab: _Vocab) -> None:
    """Prefix an opener or append a closer to a share of messages, in place."""
    n = len(texts)
    # No second greeting in front of a message that already starts with one.
    opener = np.flatnonzero((rng.random(n) < rate / 2)
                            & ~np.strings.startswith(texts.astype(_STR), vocab.greeting))
    texts[opener] = vocab.openers[rng.integers(0, len(vocab.openers), opener.size)] + texts[opener]
    closer = np.flatnonzero(rng.random(n) < rate / 2)
    texts[closer] = texts[closer] + vocab.closers[rng.integers(0, len(vocab.closers), closer.size)]


def make_conversation_texts(
    topics: np.ndarray,
    rng: np.random.Generator,
    *,
    typo_rate: float = 0.02,
    languages: np.ndarray | None = None,
) -> np.ndarray:
    """A diary note of an offline conversation per topic ("Talked with Anna about ...").

    Topics and languages as in `make_chat_texts` (no ad topic: small talk, "the weather")."""
    slots = _slots(topics)
    n = len(slots)
    if n == 0:
        return np.empty(0, dtype=object)
    texts = np.empty(n, dtype=object)
    for lang, rows in _language_rows(languages, n).items():
        if rows.size == 0:
            continue
        texts[rows] = _conversations_in(_VOCABS[lang], slots[rows], rng, typo_rate)
    return texts


def _conversations_in(vocab: _Vocab, slots: np.ndarray, rng: np.random.Generator,
                      typo_rate: float) -> np.ndarray:
    n = len(slots)
    phrases = vocab.phrases[_pick(vocab.phrase_start, vocab.phrase_count, slots, rng)]
    small_talk = np.flatnonzero(slots == _NO_TOPIC_SLOT)
    phrases[small_talk] = vocab.conversation_no_topic[
        rng.integers(0, len(vocab.conversation_no_topic), small_talk.size)]
    people = vocab.people[rng.integers(0, len(vocab.people), n)]
    which = rng.integers(0, len(vocab.conversation), n)
    texts = _fill(vocab.conversation, which, {"x": phrases, "who": people})
    # A sentence starting with a person's role reads "My sister ...", not "my sister ...".
    as_str = texts.astype(_STR)
    texts = np.strings.add(np.strings.upper(np.strings.slice(as_str, 0, 1)),
                           np.strings.slice(as_str, 1, None))
    return _style(texts, rng, typo_rate, 0.1, vocab)


def _vocabulary_id() -> str:
    """A short hash of every list and rate above: a cache key for models trained on this text."""
    from adlens.chat_text_langs import LANGUAGE_VOCABULARY

    blob = json.dumps([TOPIC_PHRASES, TOPIC_ITEMS, TOPIC_MESSAGES, AMBIGUOUS_MESSAGES,
                       PHRASE_TEMPLATES, ITEM_TEMPLATES, MIX_TEMPLATES, OPENERS, CLOSERS,
                       MISSPELLINGS, PEOPLE, CONVERSATION_TEMPLATES, CONVERSATION_NO_TOPIC,
                       LANGUAGE_VOCABULARY, _TEMPLATE_SHARE, _ITEM_SHARE, DEFAULT_MIX_RATE,
                       DEFAULT_TYPO_RATE, DEFAULT_AMBIGUOUS_RATE, DEFAULT_LOWER_RATE,
                       DEFAULT_FILLER_RATE, DEFAULT_NO_ACCENT_RATE], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:12]


# Changes whenever the vocabulary or the default rates change (text models key caches on it).
VOCABULARY_ID = _vocabulary_id()
