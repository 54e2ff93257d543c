"""Health words people ask an assistant about (conditions and diseases, medicines and supplements,
tests and procedures) and the frames consumers ask with, per language, with look-alikes that use
a disease word in another sense and keep their real label.

Patterns in the shape of `entities.PATTERNS` (label, frames, values): every frame with "{x}"
filled by every value is one whole training message (`adlens.chat_corpus.pattern_messages`).
Written from general knowledge for training only; nothing here is copied from a public corpus or
from the hand-written or sealed sets.
"""

import hashlib

# --- English ------------------------------------------------------------------------------
_CONDITIONS_EN = """type 2 diabetes; type 1 diabetes; prediabetes; high blood pressure;
hypertension; low blood pressure; high cholesterol; asthma; copd; emphysema; chronic
bronchitis; heart failure; congestive heart failure; atrial fibrillation; afib; coronary artery
disease; angina; a heart murmur; an irregular heartbeat; cardiomyopathy; a leaky heart valve;
peripheral artery disease; deep vein thrombosis; a blood clot in my leg; a pulmonary embolism;
an aortic aneurysm; a brain aneurysm; a stroke; a mini stroke; rheumatoid arthritis;
osteoarthritis; psoriatic arthritis; gout; lupus; fibromyalgia; chronic fatigue syndrome;
osteoporosis; osteopenia; scoliosis; sciatica; a herniated disc; a bulging disc; spinal
stenosis; degenerative disc disease; ankylosing spondylitis; carpal tunnel syndrome; plantar
fasciitis; tendonitis; bursitis; a torn rotator cuff; a torn acl; a torn meniscus; frozen
shoulder; tennis elbow; hypothyroidism; an underactive thyroid; hyperthyroidism; an overactive
thyroid; hashimoto's disease; graves' disease; a thyroid nodule; addison's disease; cushing's
syndrome; chronic kidney disease; kidney stones; kidney failure; polycystic kidney disease;
gallstones; fatty liver disease; cirrhosis of the liver; hepatitis a; hepatitis b; hepatitis
c; pancreatitis; crohn's disease; ulcerative colitis; irritable bowel syndrome; celiac disease;
diverticulitis; gerd; a stomach ulcer; h pylori; gastritis; gastroparesis; hemorrhoids; piles;
an anal fissure; an inguinal hernia; a hiatal hernia; lactose intolerance; chronic
constipation; chronic diarrhea; epilepsy; seizures; multiple sclerosis; parkinson's disease;
alzheimer's disease; dementia; vascular dementia; als; motor neurone disease; huntington's
disease; peripheral neuropathy; diabetic neuropathy; bell's palsy; trigeminal neuralgia;
restless legs syndrome; narcolepsy; sleep apnea; vertigo; meniere's disease; tinnitus;
cluster headaches; chronic migraines; a concussion; a brain tumor; hydrocephalus; cerebral
palsy; myasthenia gravis; guillain-barre syndrome; breast cancer; prostate cancer; lung
cancer; colon cancer; colorectal cancer; pancreatic cancer; ovarian cancer; cervical cancer;
skin cancer; melanoma; basal cell carcinoma; leukemia; lymphoma; hodgkin's lymphoma; multiple
myeloma; thyroid cancer; bladder cancer; kidney cancer; liver cancer; stomach cancer;
esophageal cancer; testicular cancer; uterine cancer; bone cancer; mesothelioma; stage 4
cancer; the flu; covid; long covid; strep throat; tonsillitis; pneumonia; walking pneumonia;
bronchitis; sinusitis; a sinus infection; an ear infection; pink eye; conjunctivitis;
shingles; chickenpox; measles; mumps; rubella; whooping cough; tuberculosis; mononucleosis;
glandular fever; hiv; aids; herpes; cold sores; genital herpes; chlamydia; gonorrhea;
syphilis; hpv; genital warts; trichomoniasis; a yeast infection; bacterial vaginosis; a
urinary tract infection; a bladder infection; a kidney infection; lyme disease; malaria;
dengue fever; zika virus; cholera; typhoid; hand foot and mouth disease; scarlet fever; rsv;
norovirus; a stomach bug; food poisoning; salmonella; an e. coli infection; c. diff; mrsa;
sepsis; cellulitis; impetigo; scabies; head lice; ringworm; athlete's foot; toenail fungus;
oral thrush; meningitis; encephalitis; tetanus; rabies; mpox; warts; eczema; psoriasis;
rosacea; hives; vitiligo; alopecia; alopecia areata; hidradenitis suppurativa; seborrheic
dermatitis; contact dermatitis; a cyst; a lipoma; a boil; an abscess; depression; clinical
depression; anxiety; generalized anxiety disorder; panic disorder; social anxiety disorder;
ocd; ptsd; bipolar disorder; schizophrenia; borderline personality disorder; adhd; adult
adhd; autism; asperger's; an eating disorder; anorexia; bulimia; binge eating disorder;
postpartum depression; seasonal affective disorder; chronic insomnia; a phobia; agoraphobia;
self harm; suicidal thoughts; alcohol addiction; alcoholism; opioid addiction; a gambling
addiction; psychosis; tourette syndrome; dyslexia; dyspraxia; hoarding disorder; body
dysmorphia; pcos; endometriosis; uterine fibroids; an ovarian cyst; menopause; perimenopause;
heavy periods; painful periods; pmdd; a missed period; infertility; a miscarriage; an
ectopic pregnancy; preeclampsia; gestational diabetes; morning sickness; hyperemesis
gravidarum; mastitis; a lump in my breast; a prolapsed uterus; urinary incontinence; an
overactive bladder; low testosterone; an enlarged prostate; bph; prostatitis; a varicocele;
male infertility; a low sperm count; colic; croup; newborn jaundice; febrile seizures; reflux
in babies; a tongue tie; kawasaki disease; a cow's milk allergy; a peanut allergy; juvenile
arthritis; childhood asthma; growing pains; down syndrome; cystic fibrosis; sickle cell
disease; sickle cell trait; hemophilia; thalassemia; marfan syndrome; muscular dystrophy;
spinal muscular atrophy; fragile x syndrome; turner syndrome; klinefelter syndrome; tay-sachs
disease; ehlers-danlos syndrome; neurofibromatosis; pku; hemochromatosis; anemia; iron
deficiency anemia; a b12 deficiency; a vitamin d deficiency; low platelets; a clotting
disorder; sarcoidosis; an autoimmune disease; a food allergy; hay fever; seasonal allergies;
a shellfish allergy; anaphylaxis; glaucoma; cataracts; macular degeneration; a detached
retina; dry eye syndrome; floaters in my eye; a lazy eye; hearing loss; a perforated eardrum;
gum disease; a tooth abscess; tmj disorder; impacted wisdom teeth; obesity; morbid obesity;
metabolic syndrome; varicose veins; raynaud's syndrome; edema; lymphedema; appendicitis; a
broken wrist; a fractured ankle; a sprained ankle; whiplash; a slipped disc; heat stroke;
severe dehydration; frostbite; a second degree burn; a tick bite; poison ivy; sjogren's
syndrome; scleroderma; polymyalgia rheumatica; vasculitis; interstitial cystitis; a
pilonidal cyst; a ganglion cyst; a hernia; sleep paralysis; a heart attack; a collapsed lung;
a blood infection"""

# Shorter, people's words for the same things (used bare and in voice-style frames).
_CONDITIONS_EN_PLAIN = """diabetes; sugar diabetes; high bp; cholesterol; arthritis; gout;
lupus; ms; parkinson's; alzheimer's; dementia; epilepsy; asthma; copd; cancer; a tumor;
leukemia; hepatitis; hiv; herpes; chlamydia; shingles; eczema; psoriasis; thyroid problems;
kidney stones; gallstones; ibs; crohn's; celiac; sciatica; vertigo; tinnitus; glaucoma;
cataracts; endometriosis; pcos; fibroids; menopause; anemia; sickle cell; a uti; strep; the
flu; pneumonia; bronchitis; covid; a stroke; a heart attack; afib; heart disease; liver
disease; kidney disease; adhd; autism; bipolar; schizophrenia; ocd; ptsd; anorexia; a
concussion; a hernia; an ulcer; acid reflux; migraines; fibromyalgia; osteoporosis"""

_MEDS_EN = """sertraline; fluoxetine; prozac; citalopram; escitalopram; lexapro; zoloft;
wellbutrin; bupropion; venlafaxine; effexor; duloxetine; cymbalta; mirtazapine; trazodone;
amitriptyline; lithium; lamotrigine; lamictal; quetiapine; seroquel; aripiprazole; abilify;
risperidone; olanzapine; adderall; ritalin; vyvanse; concerta; methylphenidate; strattera;
xanax; alprazolam; ativan; lorazepam; valium; diazepam; klonopin; clonazepam; buspirone;
hydroxyzine; zolpidem; ambien; melatonin; gabapentin; pregabalin; lyrica; tramadol;
oxycodone; codeine; morphine; hydrocodone; naproxen; aleve; advil; tylenol; acetaminophen;
paracetamol; ibuprofen; aspirin; baby aspirin; diclofenac; celecoxib; metformin; ozempic;
wegovy; mounjaro; zepbound; semaglutide; tirzepatide; jardiance; januvia; insulin; lantus;
levothyroxine; synthroid; lisinopril; amlodipine; losartan; metoprolol; atenolol;
propranolol; hydrochlorothiazide; furosemide; lasix; spironolactone; atorvastatin; lipitor;
rosuvastatin; crestor; simvastatin; statins; warfarin; eliquis; xarelto; clopidogrel;
plavix; omeprazole; prilosec; pantoprazole; nexium; famotidine; pepcid; amoxicillin;
augmentin; azithromycin; a z-pack; doxycycline; ciprofloxacin; cephalexin; keflex;
nitrofurantoin; macrobid; metronidazole; flagyl; clindamycin; penicillin; fluconazole;
diflucan; valacyclovir; valtrex; acyclovir; tamiflu; paxlovid; prednisone; prednisolone;
hydrocortisone cream; dexamethasone; montelukast; singulair; albuterol; ventolin; my
inhaler; symbicort; advair; cetirizine; zyrtec; loratadine; claritin; benadryl; allegra;
flonase; sudafed; methotrexate; humira; hydroxychloroquine; plaquenil; allopurinol;
colchicine; finasteride; tamsulosin; flomax; isotretinoin; accutane; letrozole; clomid;
progesterone; hrt; estradiol; tamoxifen; iron tablets; ferrous sulfate; folic acid; vitamin
d3; vitamin b12 shots; magnesium glycinate; fish oil; omega 3 capsules; zinc tablets; st.
john's wort; ashwagandha; turmeric capsules; probiotics; calcium tablets; potassium
supplements; an epipen; naloxone; narcan; nicotine patches; chantix; suboxone; methadone;
children's tylenol; children's motrin; calpol; oral rehydration salts; antihistamines;
steroid cream; antibiotic eye drops; nasal steroid spray; prenatal vitamins; a cortisone
injection; chemo pills; blood thinners; beta blockers; ssris; benzodiazepines; opioids"""

_TESTS_EN = """an mri; a ct scan; a pet scan; a chest x-ray; an ultrasound; a colonoscopy; an
endoscopy; a biopsy; a mammogram; a pap smear; a psa test; a blood test; an a1c test; a
thyroid panel; a lipid panel; an ekg; an ecg; an echocardiogram; a cardiac stress test; a
sleep study; a lumbar puncture; a spinal tap; a bone density scan; a dexa scan; a glucose
tolerance test; an allergy test; a hearing test; a pregnancy test; an amniocentesis; an nipt
test; an hiv test; an sti test; a covid test; a urine test; a liver function test; a kidney
function test; a stool test; a holter monitor; a cat scan; dialysis; chemotherapy; radiation
therapy; immunotherapy; a knee replacement; a hip replacement; a hysterectomy; a c-section; an
appendectomy; gallbladder removal surgery; a vasectomy; a tonsillectomy; cataract surgery;
lasik surgery; heart bypass surgery; a stent; a pacemaker; an angioplasty; a kidney
transplant; a liver transplant; a bone marrow transplant; a mastectomy; a lumpectomy; spinal
fusion surgery; acl surgery; carpal tunnel surgery; hernia repair surgery; gastric bypass; a
gastric sleeve; physical therapy; ivf; a root canal; an epidural; a blood transfusion; a
colostomy; a cardiac ablation; a cystoscopy; a hearing aid fitting; cognitive behavioral
therapy; electroconvulsive therapy; an mri with contrast; a genetic screening for my baby"""

_CONDITION_FRAMES_EN = """what is {x}; what causes {x}; symptoms of {x}; early signs of {x};
treatment for {x}; how is {x} treated; how is {x} diagnosed; is {x} hereditary; is {x}
genetic; does {x} run in families; is {x} contagious; how do you catch {x}; is {x} curable;
can {x} be cured; can {x} come back after treatment; life expectancy with {x}; how long can
you live with {x}; {x} and pregnancy; can i get pregnant with {x}; is it safe to have a baby
with {x}; {x} support group; support groups for {x} near me; where can i get tested for {x};
is there a test for {x}; my mother has {x}, what should we expect; my dad was just diagnosed
with {x}; my son has {x}, how can we help him; my daughter was diagnosed with {x} today; my
wife has {x} and it's getting worse; i was diagnosed with {x}, what now; i think i have {x};
could i have {x}; diet for {x}; foods to avoid with {x}; can {x} be prevented; risk factors
for {x}; what kind of doctor treats {x}; best specialist for {x}; natural remedies for {x};
home remedies for {x}; is {x} serious; can you die from {x}; stages of {x}; latest research
on {x}; clinical trials for {x}; new medication for {x}; is there a vaccine for {x}; how long
does {x} last; {x} in children; {x} in older adults; can {x} cause fatigue; does {x} cause
weight gain; is {x} considered a disability; can i work with {x}; exercise with {x}; {x} flare
up, what helps; {x} pain relief; {x} symptoms; {x} treatment; {x} cure; {x} causes; {x}?;
what are the complications of {x}; is {x} an autoimmune disease; how common is {x}; what
happens if {x} is not treated; does insurance cover treatment for {x}; i have {x} and i'm
scared; i'm 54 and was diagnosed with {x} last year. what are my treatment options besides
medication; my 7 year old was diagnosed with {x} last month and the doctor wants to start
medicine. what are the side effects and are there other options; i have had {x} for ten
years and lately it's getting worse, is there any new treatment; my husband was told he has
{x}. how long do people usually live with it and what should we prepare for; i'm 32,
pregnant with my first, and i have {x}. will it affect the baby; my grandmother has {x} and
lives alone, how do we care for her; my father and his brother both had {x}, should i be
tested; i would like to know more about {x} and how it is treated; please send me information
about {x}; i am looking for a doctor who specializes in {x} in my area; can you tell me if
{x} can be passed to my children; hello, i have a question about {x}. my doctor didn't
explain much; dear sir, my sister suffers from {x} since 2015, what can she do; hey meta
tell me about {x}; ok what's {x}; {x} how serious; {x} contagious or not;
{x} how to cure""".replace("\n", " ")

_PLAIN_FRAMES_EN = """{x}; {x} symptoms; {x} treatment; {x} causes; what is {x}; is {x}
contagious; is {x} hereditary; can {x} be cured; how do you get {x}; do i have {x}; signs of
{x} in women; signs of {x} in men; living with {x}; my mom has {x}; my friend has {x}, how can
i support her; {x} diet; {x} medication; {x} test; how bad is {x}""".replace("\n", " ")

_MED_FRAMES_EN = """what is {x} used for; {x} dosage; dosage of {x} for a child; how much {x}
can i take; how much {x} can i give my 4 year old; can i take {x} with alcohol; can i take {x}
and ibuprofen together; does {x} interact with my birth control; is it safe to take {x} with
tylenol; can i take {x} with my antidepressant; {x} and grapefruit; side effects of {x};
long term side effects of {x}; {x} while breastfeeding; is {x} safe during pregnancy; {x}
withdrawal symptoms; how to stop taking {x}; what happens if i miss a dose of {x}; i took two
doses of {x} by mistake; can you overdose on {x}; does {x} cause weight gain; does {x} cause
hair loss; is there a generic for {x}; is {x} addictive; how long does {x} stay in your
system; what time of day should i take {x}; can i crush {x}; my doctor prescribed {x}, what
should i know; my daughter was prescribed {x}; {x} for kids; how long does it take for {x}
to work; {x} made me dizzy; i've been on {x} for a year; switching from {x} to something
else; {x} and coffee; can i drive on {x}; {x} price without insurance; {x}?; {x} side
effects; {x} dose; is {x} an antibiotic; what class of drug is {x}; {x} 50 mg or 100 mg;
the pharmacy gave me {x}, is that the same thing; my mom takes {x} and warfarin, is that ok;
i'm 70 and take {x} for my heart, can i also take an antihistamine""".replace("\n", " ")

_TEST_FRAMES_EN = """what is {x}; how to prepare for {x}; does {x} hurt; how long does {x}
take; recovery after {x}; recovery time for {x}; risks of {x}; is {x} safe; why would a
doctor order {x}; my doctor wants me to have {x}; what do my {x} results mean; do i need
{x}; alternatives to {x}; can i eat before {x}; can i drive after {x}; how often should i get
{x}; how much does {x} cost; my mom is having {x} next week, what should we expect; i'm
scared of {x}; {x} at 50; {x} for my son; waiting for {x} results and i'm anxious; i had {x}
yesterday and still feel sore; {x}?; where can i get {x}""".replace("\n", " ")

# Look-alikes: a disease or medical word in another sense, with the message's real label.
_HEALTH_WORD_HARD_EN = (
    ("tech", """a virus on my laptop; my computer caught a virus from a download; how do i
     get rid of a trojan virus; ransomware infection on my pc; a worm on my network; my app
     has a bug that crashes it; my phone is infected with adware; the mono audio setting on my
     iphone; my phone's battery is dying fast; run a diagnostic on my laptop; a health check
     for my website; the heartbeat signal on my server keeps failing; a memory leak in my
     app; my python process died with code 137; a dead hard drive, can i recover it"""),
    ("no_ad_topic", """the cancer zodiac sign; what is a cancer's personality in astrology;
     is a cancer compatible with a scorpio; where is the tropic of cancer; what does a stroke
     of luck mean; what is a stroke of genius; what does fever dream mean; what does cold
     feet mean; what does it mean when a video goes viral; what does the idiom sick as a dog
     mean; a python process died, how do i restart it; what does contagious laughter mean;
     the plural of diagnosis; define the word symptom in a sentence about the economy; the
     word remedy in legal terms"""),
    ("sports", """freestyle swimming stroke technique; backstroke tips for swimming; my golf
     stroke; a stroke play tournament; the miami heat score; the injury report for the
     lakers; is the striker fit for saturday; the cure for my slice in golf"""),
    ("home_garden", """roof shingles replacement cost; asphalt shingles or a metal roof;
     black mold on my shower grout; a cold spot in my living room; a dehumidifier for a damp
     basement; fixing a cracked foundation"""),
    ("cars", """my engine seized; my car has a cold start problem; the car's diagnostic
     scan shows a code; my transmission is dying; a bad case of rust on my truck"""),
    ("gardening", """transplanting tomato seedlings; grafting an apple tree; powdery mildew
     on my zucchini; blight on my potatoes; a virus on my pepper plants; an aphid infestation
     on my roses; my lawn has a fungus"""),
    ("music", """the cure tour tickets; best songs by the cure; placebo concert dates;
     fever by peggy lee; the killers new album; sick of it all band"""),
    ("movies", """the movie contagion; outbreak the movie cast; grey's anatomy new season;
     the good doctor streaming; house md where to watch; patch adams movie; the pitt
     series"""),
    ("books", """the plague by camus summary; the fault in our stars book; when breath
     becomes air review; the body keeps the score audiobook"""),
    ("gaming", """plague inc tips; a plague tale requiem worth it; resident evil virus
     lore; the cure spell in final fantasy"""),
)

_PETS_HEALTH = """dog; cat; puppy; kitten; old dog; senior cat"""
_PET_CONDITION_FRAMES = """my {x} has kidney disease; my {x} was diagnosed with lymphoma; my
{x} has epilepsy, is it hereditary; my {x} has lyme disease; my {x} has hip dysplasia; my {x}
has a uti; my {x} has an ear infection; my {x} has worms; my {x} has hyperthyroidism; my {x}
needs insulin twice a day; can my {x} take ibuprofen; my {x} has pancreatitis; my {x} has
heart failure, life expectancy; my {x} has a tumor on her leg"""

# --- Spanish ------------------------------------------------------------------------------
_CONDITIONS_ES = """diabetes tipo 2; diabetes tipo 1; prediabetes; hipertensión; la tensión
alta; la tensión baja; el colesterol alto; asma; epoc; insuficiencia cardiaca; fibrilación
auricular; una arritmia; un soplo en el corazón; angina de pecho; trombosis venosa profunda;
un coágulo en la pierna; una embolia pulmonar; un aneurisma; un ictus; un derrame cerebral;
artritis reumatoide; artrosis; gota; lupus; fibromialgia; síndrome de fatiga crónica;
osteoporosis; escoliosis; ciática; una hernia discal; túnel carpiano; fascitis plantar;
tendinitis; hipotiroidismo; hipertiroidismo; tiroiditis de hashimoto; un nódulo en la
tiroides; enfermedad renal crónica; piedras en el riñón; cálculos renales; insuficiencia
renal; cálculos en la vesícula; hígado graso; cirrosis; hepatitis b; hepatitis c;
pancreatitis; enfermedad de crohn; colitis ulcerosa; colon irritable; celiaquía;
diverticulitis; reflujo gastroesofágico; una úlcera de estómago; helicobacter pylori;
gastritis; hemorroides; una hernia inguinal; intolerancia a la lactosa; epilepsia;
convulsiones; esclerosis múltiple; párkinson; alzhéimer; demencia; ela; neuropatía; parálisis
de bell; síndrome de piernas inquietas; apnea del sueño; vértigo; acúfenos; tinnitus;
migraña crónica; una conmoción cerebral; un tumor cerebral; parálisis cerebral; cáncer de
mama; cáncer de próstata; cáncer de pulmón; cáncer de colon; cáncer de páncreas; cáncer de
ovario; cáncer de cuello uterino; cáncer de piel; melanoma; leucemia; linfoma; mieloma
múltiple; cáncer de tiroides; cáncer de vejiga; cáncer de estómago; cáncer de testículo;
metástasis; la gripe; covid persistente; faringitis; amigdalitis; neumonía; bronquitis;
sinusitis; otitis; conjuntivitis; herpes zóster; varicela; sarampión; paperas; rubéola; tos
ferina; tuberculosis; mononucleosis; vih; sida; herpes labial; herpes genital; clamidia;
gonorrea; sífilis; vph; el virus del papiloma; candidiasis; vaginosis; infección de orina;
cistitis; infección de riñón; enfermedad de lyme; malaria; dengue; zika; chikungunya;
cólera; fiebre tifoidea; enfermedad mano pie boca; escarlatina; virus sincitial; norovirus;
gastroenteritis; intoxicación alimentaria; salmonelosis; sepsis; celulitis infecciosa;
impétigo; sarna; piojos; tiña; pie de atleta; hongos en las uñas; meningitis; tétanos;
rabia; viruela del mono; verrugas; dermatitis atópica; eccema; psoriasis; rosácea;
urticaria; vitiligo; alopecia; hidradenitis; un quiste; un lipoma; un absceso; depresión;
ansiedad generalizada; trastorno de pánico; fobia social; toc; trastorno de estrés
postraumático; trastorno bipolar; esquizofrenia; trastorno límite de la personalidad; tdah;
autismo; asperger; un trastorno alimentario; anorexia; bulimia; atracones; depresión
posparto; insomnio crónico; autolesiones; pensamientos suicidas; alcoholismo; adicción a los
opioides; ludopatía; psicosis; síndrome de tourette; dislexia; ovario poliquístico;
endometriosis; miomas; un quiste en el ovario; menopausia; perimenopausia; reglas
abundantes; reglas dolorosas; infertilidad; un aborto espontáneo; un embarazo ectópico;
preeclampsia; diabetes gestacional; náuseas del embarazo; mastitis; un bulto en el pecho;
incontinencia urinaria; vejiga hiperactiva; testosterona baja; próstata agrandada;
hiperplasia benigna de próstata; prostatitis; varicocele; cólicos del lactante; crup;
ictericia del recién nacido; convulsiones febriles; reflujo en bebés; frenillo corto;
alergia a la proteína de la leche; alergia al cacahuete; síndrome de down; fibrosis
quística; anemia falciforme; hemofilia; talasemia; síndrome de marfan; distrofia muscular;
atrofia muscular espinal; síndrome de x frágil; síndrome de ehlers-danlos;
neurofibromatosis; hemocromatosis; anemia; anemia ferropénica; falta de vitamina b12; falta
de vitamina d; plaquetas bajas; sarcoidosis; una enfermedad autoinmune; alergia
alimentaria; rinitis alérgica; alergia al marisco; anafilaxia; glaucoma; cataratas;
degeneración macular; desprendimiento de retina; ojo seco; moscas volantes; ojo vago;
pérdida de audición; tímpano perforado; enfermedad de las encías; un flemón; bruxismo;
muelas del juicio; obesidad; síndrome metabólico; varices; síndrome de raynaud; edema;
linfedema; apendicitis; una fractura de muñeca; un esguince de tobillo; latigazo cervical;
golpe de calor; deshidratación; una quemadura de segundo grado; una picadura de garrapata;
síndrome de sjögren; esclerodermia; vasculitis; un infarto; un neumotórax"""

_MEDS_ES = """sertralina; fluoxetina; escitalopram; citalopram; paroxetina; venlafaxina;
duloxetina; mirtazapina; trazodona; amitriptilina; litio; lamotrigina; quetiapina;
aripiprazol; risperidona; olanzapina; metilfenidato; concerta; elvanse; alprazolam;
lorazepam; diazepam; clonazepam; lormetazepam; zolpidem; melatonina; gabapentina; pregabalina;
tramadol; codeína; morfina; naproxeno; ibuprofeno; paracetamol; metamizol; nolotil; aspirina;
diclofenaco; enantyum; metformina; ozempic; wegovy; mounjaro; insulina; eutirox;
levotiroxina; enalapril; losartán; amlodipino; bisoprolol; propranolol; hidroclorotiazida;
furosemida; atorvastatina; simvastatina; sintrom; acenocumarol; apixabán; rivaroxabán;
clopidogrel; omeprazol; pantoprazol; famotidina; almax; amoxicilina; augmentine;
amoxicilina con ácido clavulánico; azitromicina; doxiciclina; ciprofloxacino; fosfomicina;
monurol; metronidazol; clindamicina; fluconazol; aciclovir; valaciclovir; prednisona;
dexametasona; montelukast; ventolin; salbutamol; symbicort; cetirizina; loratadina;
ebastina; bilastina; metotrexato; hidroxicloroquina; alopurinol; colchicina; finasterida;
tamsulosina; isotretinoína; letrozol; progesterona; terapia hormonal; tamoxifeno; hierro;
ácido fólico; vitamina d; vitamina b12; magnesio; omega 3; hipérico; ashwagandha;
probióticos; calcio; suero oral; dalsy; apiretal; antihistamínicos; corticoides; la
quimioterapia oral; anticoagulantes; betabloqueantes; antidepresivos; benzodiacepinas"""

_TESTS_ES = """una resonancia magnética; un tac; un escáner; una radiografía de tórax; una
ecografía; una colonoscopia; una endoscopia; una gastroscopia; una biopsia; una mamografía;
una citología; el psa; un análisis de sangre; la hemoglobina glicada; un perfil tiroideo;
un electrocardiograma; un ecocardiograma; una prueba de esfuerzo; un estudio del sueño; una
punción lumbar; una densitometría; la curva de glucosa; unas pruebas de alergia; una
audiometría; un test de embarazo; una amniocentesis; una prueba de vih; una prueba de its;
un análisis de orina; la diálisis; la quimioterapia; la radioterapia; la inmunoterapia; una
prótesis de rodilla; una prótesis de cadera; una histerectomía; una cesárea; quitar la
vesícula; una vasectomía; una operación de amígdalas; una operación de cataratas; una
operación de miopía; un bypass coronario; un stent; un marcapasos; un trasplante de riñón;
un trasplante de médula; una mastectomía; una artrodesis lumbar; una operación de ligamento
cruzado; una operación de hernia; una manga gástrica; fisioterapia; una fiv; una
endodoncia; una epidural; una transfusión de sangre; una ablación cardiaca; terapia
cognitivo conductual"""

_CONDITION_FRAMES_ES = """qué es {x}; qué causa {x}; síntomas de {x}; primeros síntomas de
{x}; tratamiento para {x}; cómo se trata {x}; cómo se diagnostica {x}; {x} es hereditario;
{x} es genético; {x} se contagia; cómo se contagia {x}; {x} tiene cura; se puede curar {x};
esperanza de vida con {x}; cuánto se vive con {x}; {x} y embarazo; puedo quedarme
embarazada con {x}; grupo de apoyo para {x}; dónde me hago la prueba de {x}; hay alguna
prueba para {x}; mi madre tiene {x}, qué nos espera; a mi padre le acaban de diagnosticar
{x}; mi hijo tiene {x}, cómo le ayudamos; a mi hija le diagnosticaron {x}; me
diagnosticaron {x}, y ahora qué; creo que tengo {x}; dieta para {x}; alimentos prohibidos
con {x}; se puede prevenir {x}; qué médico trata {x}; qué especialista ve {x}; remedios
caseros para {x}; es grave {x}; te puedes morir de {x}; fases de {x}; nuevos tratamientos
para {x}; ensayos clínicos de {x}; hay vacuna para {x}; cuánto dura {x}; {x} en niños; {x}
en mayores; {x} da cansancio; {x} engorda; {x} da derecho a una incapacidad; puedo trabajar
con {x}; ejercicio con {x}; un brote de {x}, qué hago; {x} síntomas; {x} tratamiento; {x}
cura; ¿{x}?; tengo 54 años y el año pasado me diagnosticaron {x}, qué opciones tengo aparte
de las pastillas; a mi hijo de 7 años le diagnosticaron {x} el mes pasado y el médico quiere
empezar con medicación, qué efectos tiene; tengo {x} desde hace diez años y últimamente va a
peor, hay algún tratamiento nuevo; a mi marido le dijeron que tiene {x}, cuánto tiempo se
vive y qué debemos preparar; estoy embarazada de mi primer hijo y tengo {x}, le afectará al
bebé; mi abuela tiene {x} y vive sola, cómo la cuidamos; mi padre y mi tío tuvieron {x},
debería hacerme pruebas; quisiera información sobre {x}; busco un especialista en {x} en mi
ciudad; oye meta qué es {x}; {x} se pega o no; {x} cómo se quita""".replace("\n", " ")

_MED_FRAMES_ES = """para qué sirve {x}; dosis de {x}; dosis de {x} para un niño; cuánto {x}
le puedo dar a mi hijo de 4 años; puedo tomar {x} con alcohol; puedo tomar {x} con
ibuprofeno; {x} corta el efecto de la píldora; efectos secundarios de {x}; {x} en la
lactancia; se puede tomar {x} en el embarazo; síndrome de abstinencia de {x}; cómo dejar
{x}; se me olvidó una dosis de {x}; me tomé dos dosis de {x} sin querer; {x} engorda; {x}
crea adicción; cuánto tarda en hacer efecto {x}; a qué hora tomar {x}; el médico me recetó
{x}, qué debo saber; a mi hija le recetaron {x}; {x} para niños; {x} me marea; puedo
conducir tomando {x}; ¿{x}?; {x} efectos secundarios; {x} es un antibiótico; mi madre toma
{x} y sintrom, es compatible""".replace("\n", " ")

_TEST_FRAMES_ES = """qué es {x}; cómo prepararse para {x}; duele {x}; cuánto dura {x};
recuperación después de {x}; riesgos de {x}; es seguro {x}; el médico me ha pedido {x}; qué
significan los resultados de {x}; puedo comer antes de {x}; cada cuánto hay que hacerse {x};
cuánto cuesta {x}; a mi madre le hacen {x} la semana que viene, qué esperar; me da miedo
{x}; estoy esperando los resultados de {x} y estoy nerviosa; ¿{x}?""".replace("\n", " ")

_HEALTH_WORD_HARD_ES = (
    ("tech", """un virus en mi portátil; mi ordenador tiene un troyano; mi móvil tiene un
     virus de anuncios; un ransomware en el pc; la batería del móvil se muere; un fallo que
     cuelga la app"""),
    ("no_ad_topic", """el signo cáncer del horóscopo; cómo es la personalidad de cáncer en
     el horóscopo; cáncer es compatible con escorpio; dónde está el trópico de cáncer; qué
     significa un golpe de suerte; qué significa que un vídeo se hace viral"""),
    ("sports", """la técnica de brazada de crol; consejos para nadar espalda; el parte de
     lesiones del madrid"""),
    ("movies", """la película contagio; anatomía de grey nueva temporada; the good doctor
     dónde verla"""),
    ("music", """entradas para the cure; canciones de placebo"""),
    ("gardening", """oídio en los calabacines; trasplantar plántulas de tomate; un hongo en
     el césped"""),
)

_PET_CONDITION_FRAMES_ES = """mi {x} tiene insuficiencia renal; a mi {x} le diagnosticaron un
linfoma; mi {x} tiene epilepsia; mi {x} tiene leishmaniosis; mi {x} tiene displasia de
cadera; mi {x} necesita insulina; le puedo dar ibuprofeno a mi {x}"""

# --- Portuguese ---------------------------------------------------------------------------
_CONDITIONS_PT = """diabetes tipo 2; diabetes tipo 1; pré-diabetes; hipertensão; pressão
alta; pressão baixa; colesterol alto; asma; dpoc; insuficiência cardíaca; fibrilação atrial;
arritmia; sopro no coração; angina; trombose; um coágulo na perna; embolia pulmonar;
aneurisma; avc; derrame; artrite reumatoide; artrose; gota; lúpus; fibromialgia; síndrome da
fadiga crônica; osteoporose; escoliose; ciático; hérnia de disco; síndrome do túnel do
carpo; fascite plantar; tendinite; bursite; hipotireoidismo; hipertireoidismo; tireoidite de
hashimoto; nódulo na tireoide; doença renal crônica; pedra no rim; cálculo renal;
insuficiência renal; pedra na vesícula; gordura no fígado; esteatose hepática; cirrose;
hepatite b; hepatite c; pancreatite; doença de crohn; retocolite ulcerativa; síndrome do
intestino irritável; doença celíaca; diverticulite; refluxo; úlcera no estômago; h. pylori;
gastrite; hemorroidas; hérnia inguinal; intolerância à lactose; epilepsia; convulsões;
esclerose múltipla; parkinson; alzheimer; demência; ela; neuropatia; paralisia facial;
síndrome das pernas inquietas; apneia do sono; labirintite; vertigem; zumbido no ouvido;
enxaqueca crônica; concussão; tumor no cérebro; paralisia cerebral; câncer de mama; câncer
de próstata; câncer de pulmão; câncer de intestino; câncer de pâncreas; câncer de ovário;
câncer de colo do útero; câncer de pele; melanoma; leucemia; linfoma; mieloma múltiplo;
câncer de tireoide; câncer de bexiga; câncer de estômago; câncer de testículo; metástase;
gripe; covid longa; faringite; amigdalite; pneumonia; bronquite; sinusite; otite;
conjuntivite; herpes zoster; cobreiro; catapora; sarampo; caxumba; rubéola; coqueluche;
tuberculose; mononucleose; hiv; aids; herpes labial; herpes genital; clamídia; gonorreia;
sífilis; hpv; candidíase; vaginose; infecção urinária; cistite; infecção nos rins; doença de
lyme; malária; dengue; zika; chikungunya; cólera; febre tifoide; doença mão pé boca;
escarlatina; vírus sincicial; gastroenterite; intoxicação alimentar; salmonela; sepse;
erisipela; celulite infecciosa; impetigo; sarna; escabiose; piolho; micose; frieira; micose
de unha; meningite; tétano; raiva humana; varíola dos macacos; verrugas; dermatite atópica;
eczema; psoríase; rosácea; urticária; vitiligo; alopecia; hidradenite; um cisto; um lipoma;
um abscesso; depressão; transtorno de ansiedade generalizada; síndrome do pânico; fobia
social; toc; transtorno de estresse pós-traumático; transtorno bipolar; esquizofrenia;
transtorno de personalidade borderline; tdah; autismo; tea; transtorno alimentar; anorexia;
bulimia; compulsão alimentar; depressão pós-parto; insônia crônica; automutilação;
pensamentos suicidas; alcoolismo; dependência química; vício em jogo; psicose; síndrome de
tourette; dislexia; ovário policístico; sop; endometriose; mioma; cisto no ovário;
menopausa; climatério; menstruação intensa; cólica menstrual forte; infertilidade; um
aborto espontâneo; gravidez ectópica; pré-eclâmpsia; diabetes gestacional; enjoo na
gravidez; mastite; um nódulo na mama; incontinência urinária; bexiga hiperativa;
testosterona baixa; próstata aumentada; hiperplasia prostática; prostatite; varicocele;
cólica do bebê; crupe; icterícia no recém-nascido; convulsão febril; refluxo no bebê;
língua presa; alergia à proteína do leite; alergia a amendoim; síndrome de down; fibrose
cística; anemia falciforme; hemofilia; talassemia; síndrome de marfan; distrofia muscular;
atrofia muscular espinhal; síndrome do x frágil; síndrome de ehlers-danlos;
neurofibromatose; hemocromatose; anemia; anemia por falta de ferro; falta de vitamina b12;
falta de vitamina d; plaquetas baixas; sarcoidose; doença autoimune; alergia alimentar;
rinite alérgica; alergia a frutos do mar; anafilaxia; glaucoma; catarata; degeneração
macular; descolamento de retina; olho seco; moscas volantes; olho preguiçoso; perda
auditiva; tímpano perfurado; doença na gengiva; abscesso no dente; bruxismo; dente do siso;
obesidade; síndrome metabólica; varizes; síndrome de raynaud; inchaço nas pernas;
linfedema; apendicite; fratura no punho; entorse no tornozelo; insolação; desidratação;
queimadura de segundo grau; picada de carrapato; síndrome de sjögren; esclerodermia;
vasculite; infarto; pneumotórax"""

_MEDS_PT = """sertralina; fluoxetina; escitalopram; citalopram; paroxetina; venlafaxina;
desvenlafaxina; duloxetina; mirtazapina; trazodona; amitriptilina; lítio; lamotrigina;
quetiapina; aripiprazol; risperidona; olanzapina; ritalina; metilfenidato; venvanse;
alprazolam; rivotril; clonazepam; diazepam; lorazepam; zolpidem; melatonina; gabapentina;
pregabalina; tramadol; codeína; morfina; naproxeno; ibuprofeno; paracetamol; dipirona;
novalgina; aspirina; diclofenaco; nimesulida; metformina; ozempic; wegovy; mounjaro;
insulina; puran t4; levotiroxina; losartana; enalapril; anlodipino; atenolol; propranolol;
hidroclorotiazida; furosemida; sinvastatina; atorvastatina; rosuvastatina; varfarina;
marevan; xarelto; eliquis; clopidogrel; omeprazol; pantoprazol; amoxicilina; clavulin;
azitromicina; doxiciclina; ciprofloxacino; cefalexina; nitrofurantoína; metronidazol;
fluconazol; aciclovir; prednisona; prednisolona; dexametasona; montelucaste; aerolin;
salbutamol; alenia; loratadina; desloratadina; cetirizina; allegra; metotrexato;
hidroxicloroquina; alopurinol; colchicina; finasterida; tansulosina; roacutan;
isotretinoína; letrozol; progesterona; reposição hormonal; tamoxifeno; sulfato ferroso;
ácido fólico; vitamina d; vitamina b12; magnésio; ômega 3; ashwagandha; probióticos;
cálcio; soro de reidratação; dramin; buscopan; antialérgico; corticoide; anticoagulante;
betabloqueador; antidepressivo; ansiolítico"""

_TESTS_PT = """uma ressonância magnética; uma tomografia; um raio-x do tórax; um ultrassom;
uma colonoscopia; uma endoscopia; uma biópsia; uma mamografia; um papanicolau; o exame de
psa; um exame de sangue; a hemoglobina glicada; o exame de tireoide; um eletrocardiograma; um
ecocardiograma; um teste ergométrico; uma polissonografia; uma punção lombar; uma
densitometria óssea; a curva glicêmica; um teste de alergia; uma audiometria; um teste de
gravidez; uma amniocentese; um teste de hiv; um exame de ist; um exame de urina; a hemodiálise;
a quimioterapia; a radioterapia; a imunoterapia; uma prótese de joelho; uma prótese de
quadril; uma histerectomia; uma cesárea; a retirada da vesícula; uma vasectomia; uma cirurgia
de amígdalas; uma cirurgia de catarata; uma cirurgia de miopia; uma ponte de safena; um
stent; um marca-passo; um cateterismo; um transplante de rim; um transplante de medula; uma
mastectomia; uma artrodese; uma cirurgia de ligamento do joelho; uma cirurgia de hérnia; uma
bariátrica; fisioterapia; uma fertilização in vitro; um tratamento de canal; uma anestesia
peridural; uma transfusão de sangue; uma ablação cardíaca; terapia cognitivo-comportamental"""

_CONDITION_FRAMES_PT = """o que é {x}; o que causa {x}; sintomas de {x}; primeiros sinais de
{x}; tratamento para {x}; como se trata {x}; como é feito o diagnóstico de {x}; {x} é
hereditário; {x} é genético; {x} é contagioso; como se pega {x}; {x} tem cura; dá para curar
{x}; expectativa de vida com {x}; quanto tempo se vive com {x}; {x} e gravidez; posso
engravidar tendo {x}; grupo de apoio para {x}; onde faço o teste de {x}; tem exame para {x};
minha mãe tem {x}, o que esperar; meu pai acabou de ser diagnosticado com {x}; meu filho tem
{x}, como ajudar; minha filha foi diagnosticada com {x}; fui diagnosticado com {x}, e agora;
acho que tenho {x}; dieta para {x}; alimentos proibidos para quem tem {x}; dá para prevenir
{x}; qual médico trata {x}; remédio caseiro para {x}; {x} é grave; dá para morrer de {x};
estágios de {x}; tratamentos novos para {x}; tem vacina para {x}; quanto tempo dura {x}; {x}
em crianças; {x} em idosos; {x} dá cansaço; {x} engorda; {x} dá direito a aposentadoria por
invalidez; posso trabalhar com {x}; exercício com {x}; crise de {x}, o que fazer; {x}
sintomas; {x} tratamento; {x} cura; {x}?; tenho 54 anos e descobri {x} no ano passado, quais
opções tenho além dos remédios; meu filho de 7 anos foi diagnosticado com {x} mês passado e
o médico quer começar remédio, quais os efeitos colaterais; tenho {x} há dez anos e
ultimamente piorou, tem tratamento novo; meu marido descobriu que tem {x}, quanto tempo se
vive e o que devemos preparar; estou grávida do primeiro filho e tenho {x}, isso afeta o
bebê; minha avó tem {x} e mora sozinha, como cuidar dela; meu pai e meu tio tiveram {x},
devo fazer exames; gostaria de informações sobre {x}; procuro um especialista em {x} na
minha cidade; ei meta o que é {x}; {x} pega ou não""".replace("\n", " ")

_MED_FRAMES_PT = """para que serve {x}; dose de {x}; dose de {x} para criança; quanto de {x}
posso dar para meu filho de 4 anos; posso tomar {x} com álcool; posso tomar {x} com
ibuprofeno; {x} corta o efeito do anticoncepcional; efeitos colaterais de {x}; {x} na
amamentação; posso tomar {x} grávida; abstinência de {x}; como parar de tomar {x}; esqueci
de tomar {x}; tomei duas doses de {x} sem querer; {x} engorda; {x} vicia; quanto tempo
{x} leva para fazer efeito; que horas tomar {x}; o médico me receitou {x}, o que devo saber;
minha filha começou a tomar {x}; {x} para criança; {x} me deixa tonto; posso dirigir
tomando {x}; {x}?; {x} efeitos colaterais; {x} é antibiótico; minha mãe toma {x} e marevan,
pode""".replace("\n", " ")

_TEST_FRAMES_PT = """o que é {x}; como se preparar para {x}; {x} dói; quanto tempo demora
{x}; recuperação depois de {x}; riscos de {x}; {x} é seguro; o médico pediu {x}; o que
significa o resultado de {x}; posso comer antes de {x}; de quanto em quanto tempo fazer {x};
quanto custa {x}; minha mãe vai fazer {x} semana que vem, o que esperar; tenho medo de {x};
esperando o resultado de {x} e estou ansiosa; {x}?""".replace("\n", " ")

_HEALTH_WORD_HARD_PT = (
    ("tech", """um vírus no meu notebook; meu computador pegou um trojan; vírus de anúncio
     no celular; um ransomware no pc; a bateria do celular está morrendo; um bug que trava o
     app"""),
    ("no_ad_topic", """o signo de câncer no horóscopo; como é a personalidade de câncer;
     câncer combina com escorpião; onde fica o trópico de câncer; o que significa um golpe de
     sorte; o que significa viralizar"""),
    ("sports", """a técnica da braçada no nado crawl; dicas de nado costas; o departamento
     médico do flamengo"""),
    ("movies", """o filme contágio; grey's anatomy nova temporada; the good doctor onde
     assistir"""),
    ("music", """ingressos para the cure; músicas do placebo"""),
    ("gardening", """oídio na abobrinha; transplantar mudas de tomate; fungo na grama"""),
)

_PET_CONDITION_FRAMES_PT = """meu {x} tem doença renal; meu {x} foi diagnosticado com linfoma;
meu {x} tem epilepsia; meu {x} tem leishmaniose; meu {x} tem displasia; meu {x} precisa de
insulina; posso dar dipirona para meu {x}"""

# --- Hindi-English (Latin script) ---------------------------------------------------------
_CONDITIONS_HI = """sugar; diabetes; type 2 diabetes; high bp; low bp; high cholesterol; dama;
asthma; copd; heart failure; heart block; dil ki dhadkan tez; angina; blood clot; lakwa;
paralysis; brain stroke; gathiya; arthritis; rheumatoid arthritis; gout; uric acid badha hua;
lupus; fibromyalgia; haddiyon ki kamzori; osteoporosis; slip disc; sciatica; cervical;
spondylitis; frozen shoulder; thyroid; hypothyroidism; hyperthyroidism; pathri; kidney
stone; kidney failure; gallbladder stone; fatty liver; liver cirrhosis; piliya; jaundice;
hepatitis b; hepatitis c; pancreatitis; crohn's disease; colitis; ibs; celiac disease;
acidity; gastric problem; ulcer; bawaseer; piles; fissure; hernia; mirgi; epilepsy; daure;
multiple sclerosis; parkinson; alzheimer; dementia; bhoolne ki bimari; neuropathy; sleep
apnea; chakkar ki bimari; vertigo; kaan mein seeti; tinnitus; migraine; brain tumour; breast
cancer; prostate cancer; lung cancer; mooh ka cancer; oral cancer; colon cancer; blood
cancer; leukemia; lymphoma; cervical cancer; skin cancer; thyroid cancer; pet ka cancer;
cancer ka fourth stage; flu; viral fever; covid; long covid; gale mein infection;
tonsils; pneumonia; bronchitis; sinus; kaan mein infection; aankh aana; conjunctivitis;
chickenpox; chhoti mata; khasra; measles; kanthmala; mumps; kali khansi; tb; tapedik; hiv;
aids; herpes; std; syphilis; hpv; urine infection; uti; yeast infection; malaria; dengue;
chikungunya; typhoid; cholera; hepatitis a; food poisoning; loose motion; pet ka
infection; sepsis; khujli; daad; ringworm; scabies; joon; fungal infection; meningitis;
tetanus; rabies; kutte ka kaatna; eczema; psoriasis; safed daag; vitiligo; baal jhadna;
alopecia; pimples bahut zyada; depression; anxiety disorder; panic attack; ocd; ptsd;
bipolar disorder; schizophrenia; adhd; autism; eating disorder; anorexia; postpartum
depression; neend ki bimari; insomnia; sharab ki lat; nashe ki lat; drugs ki lat; psychosis;
dyslexia; pcod; pcos; endometriosis; fibroid; rasoli; ovary mein cyst; menopause; periods
mein zyada bleeding; periods mein bahut dard; periods nahi aa rahe; infertility; bachcha
nahi ho raha; miscarriage; ectopic pregnancy; pregnancy mein bp; pregnancy mein sugar;
ulti pregnancy mein; breast mein gaanth; peshab rokne mein dikkat; low testosterone;
prostate badhna; prostatitis; varicocele; sperm count kam; baby ko colic; newborn jaundice;
bachche ko daure; doodh se allergy; peanut allergy; down syndrome; thalassemia; sickle cell
anemia; haemophilia; muscular dystrophy; sma; khoon ki kami; anemia; b12 ki kami; vitamin d
ki kami; platelets kam; autoimmune disease; allergy; dust allergy; anaphylaxis; motiyabind;
cataract; kala motia; glaucoma; retina detachment; dry eyes; lazy eye; kam sunai dena;
hearing loss; masoode ki bimari; daant mein keeda; akal daad; motapa; obesity; varicose
veins; pairon mein sujan; appendix; appendicitis; haddi tootna; fracture; moch; loo lagna;
heat stroke; dehydration; jalna; heart attack; dil ka daura"""

_MEDS_HI = """sertraline; fluoxetine; escitalopram; alprazolam; clonazepam; melatonin;
gabapentin; pregabalin; tramadol; paracetamol; crocin; dolo 650; combiflam; disprin; brufen;
ibuprofen; aspirin; metformin; glycomet; ozempic; insulin; thyronorm; eltroxin;
levothyroxine; telmisartan; telma; amlodipine; losartan; atenolol; atorvastatin;
rosuvastatin; ecosprin; clopidogrel; omeprazole; pantoprazole; pan d; rantac; digene;
eno; amoxicillin; augmentin; azithromycin; azee; doxycycline; ciprofloxacin; ofloxacin;
metronidazole; fluconazole; acyclovir; prednisolone; wysolone; dexamethasone; montelukast;
montair lc; asthalin; levocetirizine; cetirizine; allegra; methotrexate;
hydroxychloroquine; hcq; allopurinol; febuxostat; finasteride; tamsulosin; isotretinoin;
letrozole; progesterone; duphaston; folic acid; iron ki goli; calcium ki goli; vitamin d3
sachet; b12 injection; shelcal; becosules; zincovit; ashwagandha; triphala; chyawanprash;
ors; electral; cough syrup; benadryl syrup; meftal spas; cyclopam; ondem; norflox; antibiotic;
antidepressant; neend ki goli; bp ki dawai; sugar ki dawai; thyroid ki dawai"""

_TESTS_HI = """mri; ct scan; pet scan; chest x ray; ultrasound; sonography; colonoscopy;
endoscopy; biopsy; mammography; pap smear; psa test; blood test; hba1c test; thyroid test;
lipid profile; ecg; echo test; tmt test; sleep study; bone density test; sugar test; allergy
test; hearing test; pregnancy test; double marker test; hiv test; urine test; lft test; kft
test; dialysis; chemotherapy; chemo; radiation therapy; knee replacement; hip replacement;
bachchedani ka operation; hysterectomy; c section; gallbladder ka operation; nasbandi;
vasectomy; tonsils ka operation; motiyabind ka operation; lasik; bypass surgery;
angioplasty; stent; pacemaker; kidney transplant; bone marrow transplant; breast cancer
surgery; spine surgery; acl surgery; hernia ka operation; bariatric surgery; physiotherapy;
ivf; root canal; blood transfusion"""

_CONDITION_FRAMES_HI = """{x} kya hota hai; {x} kyun hota hai; {x} ke symptoms; {x} ke
shuruaati lakshan; {x} ka ilaj; {x} ka treatment kya hai; {x} ka pata kaise chalta hai; {x}
hereditary hai kya; {x} khandani bimari hai kya; {x} chhoot ki bimari hai kya; {x} failta hai
kya; {x} theek ho sakta hai kya; {x} ka permanent ilaj; {x} ke saath kitne saal jee sakte hain;
{x} aur pregnancy; {x} mein pregnant ho sakte hain kya; {x} ka support group; {x} ka test
kahan hota hai; meri mummy ko {x} hai, aage kya hoga; papa ko abhi {x} diagnose hua hai; mere
bete ko {x} hai, kaise madad kare; meri beti ko {x} nikla hai; mujhe {x} diagnose hua hai, ab
kya karu; lagta hai mujhe {x} hai; {x} mein kya khana chahiye; {x} mein kya nahi khana
chahiye; {x} se kaise bache; {x} ke liye kaunse doctor ko dikhaye; {x} ka gharelu upay; {x}
ka desi ilaj; {x} serious hai kya; {x} se maut ho sakti hai kya; {x} ki stages; {x} ki nayi
dawai; {x} ka vaccine hai kya; {x} kitne din rehta hai; bachchon mein {x}; buzurgon mein {x};
{x} mein thakaan; {x} mein exercise kar sakte hain kya; {x} ka attack aaya hai, kya kare; {x}
symptoms; {x} treatment; {x}?; meri umar 54 hai aur pichle saal {x} diagnose hua, dawai ke
alawa kya options hain; mere 7 saal ke bete ko pichle mahine {x} diagnose hua aur doctor dawai
shuru karna chahte hain, side effects kya hain; das saal se {x} hai aur ab badh raha hai, koi
naya ilaj hai kya; pati ko {x} bataya gaya hai, kitne saal jee sakte hain aur humein kya
tayari karni chahiye; main pehli baar pregnant hoon aur mujhe {x} hai, baby pe asar hoga kya;
dadi ko {x} hai aur wo akeli rehti hain, unki dekhbhal kaise kare; papa aur chacha dono ko
{x} tha, kya mujhe test karwana chahiye; {x} ke baare mein jaankari chahiye; hey meta {x}
kya hai""".replace("\n", " ")

_MED_FRAMES_HI = """{x} kis kaam aati hai; {x} ki dose; bachche ko {x} kitna dena chahiye;
{x} sharab ke saath le sakte hain kya; {x} aur ibuprofen saath mein le sakte hain kya; {x} ke
side effects; {x} doodh pilate waqt le sakte hain kya; pregnancy mein {x} safe hai kya; {x}
chhodne ke baad kya hota hai; {x} kaise band kare; {x} ki dose bhool gaya; galti se {x} do
baar le li; {x} se wajan badhta hai kya; {x} ki aadat lag jati hai kya; {x} kitni der mein
asar karti hai; {x} kab leni chahiye, subah ya raat; doctor ne {x} likhi hai, kya dhyan
rakhu; {x} se chakkar aate hain; {x}?; {x} side effects; mummy {x} aur bp ki dawai saath
leti hain, theek hai kya""".replace("\n", " ")

_TEST_FRAMES_HI = """{x} kya hota hai; {x} ki taiyari kaise kare; {x} mein dard hota hai
kya; {x} mein kitna time lagta hai; {x} ke baad recovery; {x} safe hai kya; doctor ne {x}
bola hai; {x} ki report ka matlab; {x} se pehle khana kha sakte hain kya; {x} kitne ka hota
hai; mummy ka agle hafte {x} hai, kya expect kare; {x} se darr lag raha hai; {x} ki report
ka wait kar rahi hoon, tension ho rahi hai; {x}?""".replace("\n", " ")

_HEALTH_WORD_HARD_HI = (
    ("tech", """laptop mein virus aa gaya; computer mein trojan; phone mein ad wala virus;
     phone ki battery mar rahi hai; app mein bug hai jo crash karta hai"""),
    ("no_ad_topic", """cancer rashi ka rashifal; kark rashi walon ka swabhav; cancer rashi aur
     scorpio match; tropic of cancer kahan hai; viral hone ka matlab kya hai"""),
    ("sports", """swimming mein freestyle stroke kaise sudhare; team ki injury list"""),
    ("movies", """contagion movie kahan dekhe; grey's anatomy naya season"""),
    ("gardening", """tamatar ke paudhe mein fungus; paudhe ka transplant kaise kare"""),
)

_PET_CONDITION_FRAMES_HI = """mere {x} ko kidney ki bimari hai; mere {x} ko mirgi ke daure
aate hain; mere {x} ko tick fever hai; mere {x} ko insulin lagta hai; {x} ko paracetamol de
sakte hain kya"""


# --- v15: single words whose everyday sense is the common one ----------------------------
# The principle: a single word (with its article, as the list writes it) filed under health
# in any health list (the keywords, the things and things-to-do lists of each language file,
# and the condition, medicine and test lists above), in the four languages, is taken out of
# the health lists when, with no health word beside it, people use it more often outside
# health than inside: a card or a school report, a speed test, a scanned receipt, a cake
# recipe, a hair treatment, liver and onions, a laptop infection, cured ham, a time period, a
# lump sum, a drop of water, a waterfall, Portuguese "ela" (she). It stays inside longer
# health phrases ("blood test report", "kidney stones", "dawai ki dose", "operación de
# cataratas", "sugar ki bimari"), and each gets look-alikes in its everyday sense below
# (`_EVERYDAY_WORD_HARD_*`, with the everyday topic or no ad topic). Words whose health sense
# is the common one stay (cancer, depression, stroke, fever, shingles, vertigo, a cold).
# The lists are left as written; `without_everyday_words` takes these out wherever the
# training text reads a health list (`_spread` here, `chat_corpus._slots` for the rest).
EVERYDAY_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset((
        # keywords
        "scan", "specialist", "infection", "cure", "treatment", "dose", "kidney", "liver",
        "chronic", "period", "panic", "stress",
        # things, conditions, medicines
        "a lump", "piles", "aids", "hives", "a boil", "whiplash", "ms", "lithium")),
    "es": frozenset((
        # keywords
        "receta", "tratamiento", "dosis", "especialista", "riñón", "hígado", "infección",
        "tensión",
        # things, conditions, medicines, tests
        "un bulto", "la regla", "la gota", "gota", "las cataratas", "cataratas", "rabia",
        "cólera", "ela", "atracones", "litio", "hierro", "calcio", "magnesio", "un escáner")),
    "pt": frozenset((
        # keywords
        "receita", "tratamento", "dose", "especialista", "rim", "fígado", "infecção",
        "pressão",
        # things, conditions, medicines
        "um caroço", "a gota", "gota", "a catarata", "catarata", "derrame", "cólera", "ela",
        "tea", "sop", "aids", "lítio", "cálcio", "magnésio")),
    "hi-en": frozenset((
        # keywords
        "report", "test", "scan", "specialist", "infection", "kidney", "liver", "sugar",
        "tension", "dard",
        # things, conditions
        "periods", "gathiya", "piles", "daure", "aids", "daad", "joon", "sma", "appendix",
        "jalna")),
}


def without_everyday_words(lang: str, entries: str) -> str:
    """A ";"-separated health list without the single words of `EVERYDAY_WORDS[lang]`."""
    drop = EVERYDAY_WORDS.get(lang, frozenset())
    kept = (" ".join(e.split()) for e in entries.split(";"))
    return "; ".join(e for e in kept if e and e not in drop)


# Look-alikes of those words in their everyday sense, whole messages with their real label.
_EVERYDAY_WORD_HARD_EN = (
    ("personal_finance", """report my debit card as lost before someone uses it; how fast
     can i report a stolen visa card to chase; my card got bent and the chip is damaged, where
     do i report it; pull my free credit report this year; there's an account i don't know on
     my credit report; tesla's annual report, what did the margins look like; the tax
     treatment of a roth conversion; how are stock options given capital gains treatment; a
     mortgage specialist or a normal bank for a first home; a lump sum into an index fund or
     monthly; take the pension as a lump sum or not; a stress test for my budget if rates
     rise"""),
    ("tech", """run a speed test on my home wifi; my speed test says 40 mbps but i pay for
     300; scan a paper document to pdf with my phone; the best app to scan receipts for
     expenses; my phone won't scan the qr code on the menu; scan my laptop for malware; clean
     a malware infection that keeps opening pop ups; write a unit test for this python
     function; my test suite fails only on ci; file a bug report for the app; stress test my
     website before black friday; ms teams keeps freezing on my mac; ms word page numbers
     start on page 3; a lithium battery for my drone that lasts longer; the cure for a slow
     old laptop"""),
    ("cooking", """liver and onions like my grandma made; chicken liver pâté for a party;
     steak and kidney pie from scratch; how long to soak kidney beans before a chili; can i
     use canned kidney beans in curry; cure my own bacon at home; how to cure salmon for
     gravlax; a dry cure for a country ham; bring the pasta water to a boil, then how long; a
     lump free gravy; my cake batter has lumps; a test batch of cookies before the bake sale;
     a simple recipe for banana bread"""),
    ("coffee", """what dose for a double shot in an 18 gram basket; my dose is 20 grams and it
     runs too fast; a coffee specialist shop for single origin beans"""),
    ("beauty", """a keratin treatment for frizzy hair; how long does a brazilian blowout
     treatment last; a deep conditioning treatment at home; a lash lift treatment before my
     holiday; a spa treatment as a birthday gift for my mum"""),
    ("home_garden", """a wood floor treatment that isn't shiny; a damp proof treatment for my
     basement walls; piles of laundry everywhere, help me organise it; piles of paperwork at
     home, how do i sort them; a lump in my mattress topper"""),
    ("gardening", """bee hives for a small backyard; how many hives for one acre; start
     beekeeping with two hives"""),
    ("sports", """the score after the second period; how long is a period in hockey; the
     first period power play; the injury report before sunday's game"""),
    ("cars", """an obd scan for my check engine light; a ceramic coating treatment for my
     car; my driving test is next week, parking tips; book a test drive for a hybrid"""),
    ("cycling", """a specialist bike shop near me for a wheel build; the stress on carbon
     frames on cobbles"""),
    ("travel", """can i take a lithium power bank in my carry on; a specialist travel agent
     for japan; the best period to visit iceland"""),
    ("music", """panic at the disco's best songs; lithium by nirvana chords; the hives
     band's first album"""),
    ("movies", """whiplash movie ending explained; a movie like whiplash about music"""),
    ("no_ad_topic", """write a report on the french revolution for school; summarise this
     report in five bullet points; a period or a comma here; the victorian period for my
     history essay; the period of a pendulum in physics; where does the stress go in the
     word photography; stress and strain in a steel beam; visual aids for my presentation;
     teaching aids for a maths lesson; quiz me for my chemistry test tomorrow; should i write
     ms or mrs in a letter; a daily dose of motivation quote; don't panic in the hitchhiker's
     guide, what does it mean; how to boil down a long email; chronic lateness of a coworker,
     how to bring it up"""),
)

_EVERYDAY_WORD_HARD_ES = (
    ("cooking", """receta de tortilla de patatas jugosa; una receta de flan sin horno;
     receta fácil de bizcocho de yogur; riñones al jerez como en el bar; cómo limpiar los
     riñones de cordero; hígado encebollado receta; paté de hígado de pollo casero; una gota
     de vainilla en las tortitas; una sartén de hierro fundido, cómo curarla"""),
    ("coffee", """qué dosis de café para un espresso doble; con 18 gramos de dosis sale muy
     rápido"""),
    ("beauty", """tratamiento de keratina para el pelo encrespado; un tratamiento de
     hidratación para las puntas; tratamiento facial de regalo para mi madre"""),
    ("home_garden", """tratamiento antihumedad para la pared; un tratamiento para la
     carcoma de un mueble; un grifo que gotea gota a gota; quitar los restos de cal y calcio de
     la mampara de la ducha"""),
    ("personal_finance", """tratamiento fiscal de un plan de pensiones; un especialista en
     hipotecas o el banco de siempre; cuánto tarda hacienda en devolver la renta"""),
    ("tech", """una infección de malware en el portátil, cómo la quito; un escáner para
     documentos que no sea caro; batería de litio para el patinete eléctrico; la tensión de
     salida del cargador del portátil"""),
    ("cars", """un escáner obd para el coche; la regla de prioridad en una rotonda"""),
    ("travel", """excursión a las cataratas del iguazú desde buenos aires; cataratas del
     iguazú lado argentino o brasileño; cuántos bultos puedo llevar en el avión"""),
    ("sports", """la regla del fuera de juego explicada; el calcio italiano esta temporada"""),
    ("music", """la tensión de las cuerdas de la guitarra"""),
    ("fitness", """levantar hierro tres días a la semana, qué rutina"""),
    ("camping", """un encendedor de magnesio para ir de acampada"""),
    ("books", """el amor en los tiempos del cólera resumen"""),
    ("movies", """un atracón de series este finde, qué me recomiendas"""),
    ("no_ad_topic", """la regla de tres para un problema de mates; qué significa dar rabia;
     la tensión superficial del agua en física; la gota que colma el vaso significado"""),
)

_EVERYDAY_WORD_HARD_PT = (
    ("cooking", """receita de bolo de cenoura com cobertura; receita de pão de queijo
     mineiro; fígado acebolado receita; bife de fígado macio; como tirar o caroço do abacate;
     uma gota de baunilha no bolo; panela de pressão quanto tempo para o feijão"""),
    ("personal_finance", """a receita federal liberou a restituição; cair na malha fina da
     receita; especialista em investimentos ou gerente do banco; tratamento do imposto em
     previdência privada"""),
    ("coffee", """qual a dose de café para um espresso duplo; dose de 18 gramas e o café sai
     rápido demais"""),
    ("beauty", """tratamento capilar com queratina; cronograma capilar hidratação
     nutrição reconstrução; tratamento para cabelo com frizz"""),
    ("home_garden", """tratamento para cupim em móveis; torneira pingando gota a gota;
     depósito de cálcio no box do banheiro"""),
    ("cars", """calibrar a pressão dos pneus do carro; qual a pressão certa do pneu do
     onix"""),
    ("cycling", """pressão do pneu da bike de estrada"""),
    ("tech", """infecção de malware no notebook; bateria de lítio do patinete elétrico"""),
    ("gardening", """plantar caroço de manga no vaso; caroço de abacate na água
     germina"""),
    ("travel", """ingresso para as cataratas do iguaçu; cataratas do lado brasileiro ou
     argentino"""),
    ("camping", """pederneira de magnésio para acampar"""),
    ("books", """o amor nos tempos do cólera resumo"""),
    ("no_ad_topic", """a gota d'água significado; segunda-feira é dose; ela disse que vem
     amanhã, responde por mim; derrame de petróleo no litoral notícia"""),
)

_EVERYDAY_WORD_HARD_HI = (
    ("personal_finance", """card kho gaya hai, bank mein report kaise karu; credit report
     free mein kaise check kare; upi scan karke payment fail ho gaya; credit card ka bill
     ki report download karni hai"""),
    ("tech", """wifi ka speed test kaise kare; qr code scan nahi ho raha phone se; document
     scan karke pdf banana hai; phone mein virus infection hai kya kaise pata kare; laptop
     repair specialist kahan milega"""),
    ("cooking", """chai mein kitni sugar daalu; sugar free gajar halwa recipe; gulab jamun
     ki chashni ke liye kitni sugar; bhavnagari gathiya ghar pe kaise banaye; gathiya aur
     jalebi ka nashta; chicken liver fry recipe; rajma ko kidney beans kehte hain kya"""),
    ("cars", """driving licence ka test kab hota hai; car ka test drive book karna hai"""),
    ("cycling", """cycle ki chain ki tension kaise set kare"""),
    ("music", """dard bhare gaane ki playlist; guitar ke taar ki tension"""),
    ("travel", """joon mein manali jaana theek hai kya; office ke daure pe jaana hai,
     packing list; jalna se aurangabad kitni door hai"""),
    ("books", """kitab ke appendix mein kya likhte hain"""),
    ("home_garden", """kapdon ke piles ho gaye hain, kaise organise karu"""),
    ("no_ad_topic", """kal maths ka test hai, formulas yaad karao; school project ki report
     likhne mein help karo; school mein ek din mein kitne periods hote hain; free period mein
     kya kare; dard bhari shayari likho; daad dena ka matlab kya hai; tension mat lo yaar ka
     english"""),
)


# Frames per value: each condition, medicine or test is put into this many of its frames
# (chosen by a hash of the value, so every frame is used about equally), not into all of them.
# All of them would give some 36,000 English health messages and crowd the health slot's
# other whole messages (symptoms, feelings, written messages) out of the draws: with 3, the
# new messages are about nine in ten of the English slot's entries rather than over 99%. The
# label's share of the training text does not change either way (the generator draws labels
# first).
FRAMES_PER_VALUE = 3


def _spread(label: str, frames: str, values: str, k: int = FRAMES_PER_VALUE
            ) -> tuple[tuple[str, str, str], ...]:
    """(label, frames, value) patterns putting each value into `k` of `frames`."""
    framed = [f for f in (" ".join(e.split()) for e in frames.split(";")) if f]
    out = []
    for value in (" ".join(e.split()) for e in values.split(";")):
        if not value:
            continue
        start = hashlib.sha1(value.encode()).digest()[0]
        step = max(len(framed) // k, 1)
        chosen = sorted({framed[(start + j * step) % len(framed)] for j in range(k)})
        out.append((label, "; ".join(chosen), value))
    return tuple(out)


def _health(lang: str, frames: str, values: str) -> tuple[tuple[str, str, str], ...]:
    """Health patterns of one list, without the language's everyday single words."""
    return _spread("health", frames, without_everyday_words(lang, values))


def _hard(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    return tuple((label, "{x}", values) for label, values in pairs)


PATTERNS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "en": (
        *_health("en", _CONDITION_FRAMES_EN, _CONDITIONS_EN),
        *_health("en", _PLAIN_FRAMES_EN, _CONDITIONS_EN_PLAIN),
        *_health("en", _MED_FRAMES_EN, _MEDS_EN),
        *_health("en", _TEST_FRAMES_EN, _TESTS_EN),
        ("pets", _PET_CONDITION_FRAMES, _PETS_HEALTH),
        *_hard(_HEALTH_WORD_HARD_EN),
        *_hard(_EVERYDAY_WORD_HARD_EN),
    ),
    "es": (
        *_health("es", _CONDITION_FRAMES_ES, _CONDITIONS_ES),
        *_health("es", _MED_FRAMES_ES, _MEDS_ES),
        *_health("es", _TEST_FRAMES_ES, _TESTS_ES),
        ("pets", _PET_CONDITION_FRAMES_ES, "perro; gato; cachorro; perro mayor"),
        *_hard(_HEALTH_WORD_HARD_ES),
        *_hard(_EVERYDAY_WORD_HARD_ES),
    ),
    "pt": (
        *_health("pt", _CONDITION_FRAMES_PT, _CONDITIONS_PT),
        *_health("pt", _MED_FRAMES_PT, _MEDS_PT),
        *_health("pt", _TEST_FRAMES_PT, _TESTS_PT),
        ("pets", _PET_CONDITION_FRAMES_PT, "cachorro; gato; filhote; cachorro idoso"),
        *_hard(_HEALTH_WORD_HARD_PT),
        *_hard(_EVERYDAY_WORD_HARD_PT),
    ),
    "hi-en": (
        *_health("hi-en", _CONDITION_FRAMES_HI, _CONDITIONS_HI),
        *_health("hi-en", _MED_FRAMES_HI, _MEDS_HI),
        *_health("hi-en", _TEST_FRAMES_HI, _TESTS_HI),
        ("pets", _PET_CONDITION_FRAMES_HI, "dog; puppy; kutte; billi"),
        *_hard(_HEALTH_WORD_HARD_HI),
        *_hard(_EVERYDAY_WORD_HARD_HI),
    ),
}
