"""Word lists the name detector needs besides the name gazetteer.

They describe the genre (English children's-services case talk), not any sample report:
words that are capitalised without being names, words that make a capitalised run an
organisation or a place, and the cues that tell us a name follows and whose it is.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised at the start of a sentence or in a heading, never names on their own.
FUNCTION_WORDS = _words(
    """A An The This That These Those There Then Than Thus Here Where When Whenever While Whilst Who Whom
    Whose Which What Why How If Unless Until Till Although Though Because Since As At By For From In Into
    Of Off On Onto Out Over Per To Up Upon Via With Within Without After Before During Between Against
    Among Around About Above Below Under Across Along Behind Beyond Despite Except Near Next Past Through
    Towards Toward And But Or Nor So Yet Also Still Just Only Even Both Either Neither Each Every All Any
    Some Several Many Much More Most Few Fewer Less Least Other Another Such No Not None Nobody Nothing
    Nowhere Everyone Everybody Everything Someone Somebody Something Anyone Anybody Anything I Im I'm I've
    I'd I'll Me My Mine Myself We We've We'd We're Us Our Ours You Your Yours He He's His Him Himself She
    She's Her Hers Herself It It's Its They They're They've Them Their Theirs Is Are Was Were Be Been Being
    Am Do Does Did Done Doing Have Has Had Having Can Could Shall Should Will Would May Might Must Ought
    Yes Yesterday Today Tonight Tomorrow Now Later Earlier Once Twice Again Already Always Never Often
    Sometimes Usually Eventually Finally First Second Third Last Previously Recently Currently Meanwhile
    However Therefore Otherwise Instead Overall Perhaps Maybe Please Thanks Thank Sorry Hi Hello Dear
    Ok Okay One Two Three Four Five Six Seven Eight Nine Ten Half New Old Same Different Own Whole
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas Easter Eid Ramadan Diwali Bank Holiday
    Term Morning Afternoon Evening Night Weekend Week Month Year Day Days Weeks Months Years"""
)

# Capitalised words of the domain that are not names: relations, roles, services, systems.
DOMAIN_WORDS = _words(
    """Mum Mummy Mam Mom Dad Daddy Nan Nana Nanna Nanny Gran Grandma Grandad Grandpa Granddad Auntie Aunty
    Aunt Uncle Baby Babies Child Children Kid Kids Son Daughter Brother Sister Sibling Siblings Stepdad Stepmum
    Partner Carer Carers Parent Parents Family Families Mother Father Guardian Foster Kinship Connected
    Police Officer Detective Sergeant Constable Inspector Court Judge Magistrate Magistrates Solicitor Barrister
    Counsel Legal Council Councillor Health Visitor Midwife Nurse Doctor Paediatrician Consultant Hospital
    School Schools Teacher Head Headteacher Nursery College Academy Social Care Worker Workers Manager Managers
    Team Teams Service Services Department Duty Panel Board Chair Conference Review Reviews Meeting Strategy
    Assessment Plan Plans Referral Contact Placement Placements Allocation Authority Local Partnership
    Safeguarding Protection Need Needs Early Help Front Door Youth Offending Justice Probation Housing Benefits
    Children's Adult Adults Mental Learning Together Disability Disabilities Emergency Out Hours Helpline
    System Systems Portal Inbox Mailbox Form Forms Template Record Records Recording Case Cases Notes Note
    Section Reg Regulation Order Orders Act Care Proceedings Public Law Outline Private Interim Final Hearing
    Hearings Statement Position Evidence Chronology Report Reports Minutes Action Actions Letter Email Text
    Phone Call Visit Visits Home Homes Flat Hostel Refuge Supported Accommodation Residential Unit Secure
    English British Polish Romanian Urdu Arabic Bengali Sylheti Punjabi Somali Tigrinya Kurdish Farsi Dari
    Pashto Vietnamese Albanian Lithuanian Portuguese Spanish French Turkish Chinese Mandarin Cantonese BSL
    Muslim Christian Catholic Jewish Sikh Hindu Traveller Roma Gypsy Irish Scottish Welsh Afghan Eritrean
    Sudanese Syrian Iranian Iraqi Nigerian Ghanaian African Asian European Caribbean White Black Mixed
    Internet Facebook Snapchat Instagram WhatsApp TikTok Teams Zoom Google Microsoft Outlook Excel Word
    Mosaic Liquidlogic Eclipse Azeus Cafcass Ofsted Barnardo Barnardo's Barnardos NSPCC Kooth Brook
    Action Aid Women's Refuge Samaritans Childline Shelter Citizens Advice Jobcentre Universal Credit
    God Lord Jesus Allah Dr Mr Mrs Ms Miss Mx
    Sir Madam Prof Professor Rev Reverend Father Sister Nobody Staff Colleague Colleagues Practitioner
    Practitioners Professional Professionals Reviewing Independent Designated Lead Senior Principal Director
    Assistant Deputy Advanced Student Agency Locum Interpreter Interpreters Translator Advocate Advocacy
    Coordinator Officer Officers Adviser Advisor Supervisor Supervision Support Worker's Manager's
    Unknown Unborn Anonymous Unnamed Redacted Withheld Name Surname Forename DOB Age Gender Male Female
    EDD Missing Education Life Tracker Protocol"""
)

# A capitalised run ending in (or containing) one of these is an organisation or a place.
ORG_WORDS = _words(
    """Council Borough County City Town Village Police Constabulary Court Courts Hospital Hospitals Trust
    Foundation Surgery Practice Clinic Centre Center Health Service Services Team Unit Department
    School Academy College University Nursery Primary Secondary Infant Junior High Station Street Road
    Lane Avenue Drive Close Way Crescent Grove Place Gardens Terrace Square Park Estate House Lodge Hall
    Home Homes Project Partnership Board Panel Network Group Society Association Charity Aid Refuge
    Housing Church Mosque Temple Library Prison Centre Bank Office Limited Ltd Plc Company Partners
    Agency Alliance Federation Law Laws Infirmary Line Zoo Hub Wing Farm Cottage Manor Commission Authority
    Tribunal Division Chambers Services' Lock Locks Wharf Quay Basin Moorings Towpath Canal Stadium"""
)

# Organisation and place words that are never the surname in "First X".
STRONG_ORG_WORDS = _words(
    """Council Borough County City Police Constabulary Court Courts Hospital Trust Surgery Practice Clinic
    Centre Center Service Services Team Unit Department School Academy College University Nursery Primary
    Secondary Infant Junior Station Street Road Lane Avenue Drive Close Way Crescent Grove Place Gardens
    Terrace Square Park Estate Project Partnership Board Panel Network Group Society Association Charity Aid
    Refuge Housing Mosque Temple Library Prison Office Limited Ltd Plc Company Agency Authority Tribunal
    Division Law Laws House Lodge Home Homes Farm Cottage Manor Infirmary Line Zoo Crown Station Ward
    Wing Hub Campus Museum Gallery Theatre Stadium Market Airport Port Harbour Bridge"""
)

# Organisation and place words that are also common surnames: "Mrs Lane", "Evie Park (6)",
# "Dr House" name people when a title, an age or a relation says so.
ORG_SURNAMES = _words(
    """Lane Park House Hall Lodge Court Chambers Bridge Church Ward Street Way Grove Place Bank Law Temple
    Wing Manor Close Field Wood"""
)

TITLES = _words("Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lady Lord Rev Reverend Cllr Sgt Insp Supt Judge")

# Words (lower-cased) that, just before or just after a name, say what the person is.
CHILD_CUES = _words(
    """child children baby babies son daughter boy girl toddler infant newborn unborn sibling siblings
    brother sister twin twins yp young pupil student teenager kid kids"""
)
PARENT_CUES = _words(
    """mum mother dad father stepdad stepfather stepmum stepmother parent parents mam mom mummy daddy
    birth expectant"""
)
CARER_CUES = _words(
    """carer carers foster fostering kinship grandmother grandfather grandma grandad nan gran grandparent
    grandparents aunt auntie aunty uncle guardian sgo adopter adopters adoptive"""
)
PROFESSIONAL_CUES = _words(
    """hv sw sws tm iro idva isva dsl dslo dc ds pc psc di dci sgt ps gp lado pa iso isw ahp ot slt yot
    camhs cpn nurse midwife paediatrician psychiatrist psychologist teacher headteacher head senco ta
    manager managers supervisor worker workers officer officers coordinator lead visitor solicitor
    barrister counsel judge magistrate guardian interpreter colleague colleagues chair consultant doctor
    dr detective sergeant constable inspector advocate advisor adviser practitioner therapist clinician
    caseworker keyworker mentor director principal colleague's legal sgt insp supt"""
)

# People named by a relation they are not kin by: "her partner Dean", "the step-father, Gaz".
# They mark a name as surely as "dad" does, but say nothing about the person's role here.
PERSON_CUES = _words(
    """partner partners expartner boyfriend girlfriend exboyfriend exgirlfriend husband wife exhusband exwife
    fiance fiancee friend friends neighbour neighbours lodger cousin associate forename surname alias"""
)

# UK local authorities and counties (and the words of their names) that stand for their
# children's services in case talk ("Lambeth said", "Derbyshire agreed"): the subject of a
# verb, yet no person.
LOCAL_AUTHORITIES = _words(
    """Barking Dagenham Bexley Brent Bromley Croydon Ealing Enfield Greenwich Hackney Hammersmith Fulham
    Haringey Harrow Havering Hillingdon Hounslow Islington Kensington Chelsea Lambeth Lewisham Merton
    Newham Redbridge Richmond Southwark Tower Hamlets Waltham Wandsworth Westminster Knowsley Sefton
    Wirral Halton Tameside Trafford Stockport Rochdale Kirklees Calderdale Rotherham Doncaster Gateshead
    Sunderland Northumberland Cumbria Lancashire Cheshire Merseyside Yorkshire Derbyshire Nottinghamshire
    Leicestershire Lincolnshire Northamptonshire Warwickshire Staffordshire Shropshire Worcestershire
    Herefordshire Gloucestershire Oxfordshire Buckinghamshire Bedfordshire Hertfordshire Cambridgeshire
    Wiltshire Hampshire Berkshire Somerset Dorset Cornwall Devon Norfolk Suffolk Essex Surrey Sussex Kent
    Medway Thurrock Southend Peterborough Rutland Solihull Sandwell Wolverhampton Coventry Birmingham
    Manchester Liverpool Leeds Bradford Sheffield Newcastle Middlesbrough Redcar Hartlepool Stockton
    Darlington Durham Blackpool Blackburn Bolton Wigan Salford Oldham Bury Barnsley Wakefield Hull
    Nottingham Leicester Derby Stoke Telford Walsall Dudley Swindon Bristol Plymouth Torbay Portsmouth
    Southampton Bournemouth Poole Brighton Hove Slough Reading Wokingham Windsor Maidenhead Luton Milton
    Keynes Northampton Norwich Ipswich Cardiff Swansea Newport Wrexham Gwynedd Powys Ceredigion Conwy
    Flintshire Denbighshire Pembrokeshire Carmarthenshire Caerphilly Torfaen Monmouthshire Glasgow
    Edinburgh Aberdeen Dundee Fife Highland Belfast"""
)

# Acronyms of the trade, and words notes put in capitals, which can follow a name ("Jo MARAC
# referral", "Leo CAMHS") where a surname in capitals could.
ACRONYMS = _words(
    """MASH EDT YOT YJS CSC CIN CP CPP LAC CLA CYP UASC SEND SENCO SENDCO EHCP EHC ADHD ASD ASC CSE CCE CSA
    DV DA DVA MARAC MAPPA LADO DSL DSLO CAMHS IRO ICPC RCPC PLO SGO NFA EHA TAF TAC CAF PEP NEET ACE ACES
    SDQ FGC MISPER NRM PREVENT CHANNEL MACE RHI ISW CAFCASS OFSTED NSPCC NHS GP ED PICU NICU SCBU CPN AMHP
    HV SW SWS TM PA SALT SLT OT CCTV DBS UC PIP DLA ESA HMRC DWP HMP YOI STC SCH PRU AP FE MP CID CPS DC DS
    PC PCSO FLO SOIT SARC ISVA IDVA ASB ESOL EAL FSM UPN NI CRN NB FYI EDD ASAP TBC TBA AKA DOB NOK EPO PPO ICO
    POA CAO SEMH SLCN PMLD MLD SPLD FASD PTSD MASH LSCB MSP SCR CSPR LCSPR JTAI ILACS RAG NOTE URGENT"""
)

# Towns and counties that Faker lists as first names: a bare mention is a place, not a person.
PLACE_NAMES = _words(
    """Boston Chelsea Kent Devon Lincoln Preston Stafford Chester Clifton Carlisle Darlington Warwick
    Sydney Paris London Florence Austin Dallas Denver Phoenix Georgia Virginia Carolina Brooklyn Camden
    Ashton Bolton Bradford Bristol Burnley Cambridge Derby Dudley Durham Halifax Harlow Hastings Hull
    Lancaster Leyton Luton Milton Oxford Reading Sheffield Stockton Sutton Swindon Taunton Wigan Winchester
    York Wakefield Crawley Kingston Hampton Brighton Barnet Barnsley Bedford Blackburn Bury Chorley
    Dover Ely Exeter Gloucester Grimsby Ipswich Kendal Lewes Lowestoft Newport Norwich Oldham Penrith
    Plymouth Rochdale Salford Slough Southport Stockport Telford Thorne Walsall Watford Worthing Wrexham
    Jersey Guernsey Wales England Scotland Ireland Britain Europe Africa India Pakistan Bangladesh Jordan
    Afghanistan Eritrea Sudan Syria Iran Iraq Somalia Nigeria Ghana Poland Romania Albania Vietnam China
    Turkey Kurdistan Lithuania Ukraine Russia America Canada Australia
    Zurich Geneva Munich Munchen Koln Cologne Dusseldorf Frankfurt Berlin Hamburg Vienna Wien Prague Praha
    Brno Bratislava Kosice Budapest Krakow Warsaw Warszawa Lodz Gdansk Wroclaw Poznan Katowice Lublin
    Szczecin Bydgoszcz Bialystok Vilnius Kaunas Klaipeda Riga Tallinn Kyiv Kiev Lviv Kharkiv Odesa Minsk
    Bucharest Bucuresti Iasi Cluj Constanta Timisoara Brasov Craiova Tirana Durres Pristina Skopje Belgrade
    Zagreb Sarajevo Ljubljana Athens Thessaloniki Istanbul Ankara Izmir Lisbon Lisboa Porto Madrid Barcelona
    Sevilla Seville Malaga Bilbao Rome Milan Milano Napoli Naples Turin Torino Palermo
    Marseille Bordeaux Toulouse Lille Strasbourg Brussels Bruxelles Antwerp Liege Amsterdam Rotterdam Malmo
    Goteborg Stockholm Oslo Copenhagen Kobenhavn Reykjavik Helsinki Sao Bogota Medellin Quito Caracas
    Asuncion Montevideo Brasilia Recife Curacao Quebec Montreal Mogadishu Hargeisa Asmara Khartoum Kabul
    Herat Kandahar Tehran Baghdad Erbil Sulaymaniyah Damascus Aleppo Lagos Abuja Accra Kumasi Kinshasa
    Harare Lusaka Nairobi Kampala Kigali Dhaka Sylhet Karachi Lahore Islamabad Mirpur Delhi Mumbai Kolkata
    Chennai Hanoi Saigon Beijing Shanghai Tirane Cote Ivoire Eire Espana Deutschland Polska Romania
    Shqiperia Turkiye Ellada"""
)

# Accented words English borrows: the word list is ASCII, look-ups are accent-folded, so
# "Café", "Déjà" and "Crèche" are words and not unseen names.
LOANWORDS = _words(
    """cafe cafes creche creches fiance fiancee fiances fiancees deja vu senor senora senorita eglise ecole
    rue soiree protege protegee cliche cliches decor entree facade facades pinata jalapeno doner expose
    attache ole pate puree saute souffle touche vis-a-vis nee emigre emigree cortege melee naivete"""
)

# Words of current English the word list (an older dictionary) lacks, so they are not taken for
# unseen names when capitalised in a service's name ("Student Wellbeing say ...").
MODERN_WORDS = _words("wellbeing lockdown lockdowns homeschooling narrowboat narrowboats")

# Capitalised words whose lower-case form is so common that even mid-sentence they are
# more often a word than a name ("Will", "May" at a list start, "Hope", "Young").
NEVER_SINGLE_NAMES = _words(
    """Will May June April August Summer Autumn Winter Spring Hope Faith Joy Young Long Little Rich Case
    Page Hall Ward Court Lane Park Chase Art Sky Star Brook Heath Glen Cliff Major Marshall Royal Bishop
    King Prince Duke Earl Baron Sterling Christian Angel Precious Patience Unity Justice Liberty Honor
    Honour Happy Constance Gay Virgin Trinity Holy Saint Bell Brown Black White Green Red Amber Gray Grey
    Wood Woods Stone River Rivers Lake Field Fields Hill Hills Marsh Ash Oak Birch Reed Rush Best Good Gold
    Silver Price Cash Law Power Rule Miles Cook Baker Sunny Golden Early Sharp Strong Bright Moody Nice"""
)

# Of those, the ones chiefly given names: before a word no dictionary knows they start a
# name ("Hope Nkemelu"), where a season or a title does not ("Summer Fayre", "Royal Brompton").
VIRTUE_NAMES = _words("Hope Faith Joy Patience Precious Constance Liberty Amber")


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(first names, surnames, first names that are also ordinary English words), loaded once."""
    folder = Path(__file__).resolve().parent / "data"

    def load(name: str) -> frozenset[str]:
        return frozenset((folder / name).read_text(encoding="utf-8").split())

    not_names = FUNCTION_WORDS | DOMAIN_WORDS | ORG_WORDS | TITLES
    first = load("first_names.txt") - not_names
    # Surnames may be organisation words too ("Hall", "Chambers"); only drop the unambiguous ones.
    last = load("surnames.txt") - (FUNCTION_WORDS | DOMAIN_WORDS | TITLES | STRONG_ORG_WORDS)
    # first_names_extra.txt: popular UK first names (ONS baby-name tables, 1970s to now, and
    # names common in UK migrant communities) and the nicknames case notes use ("Bex", "Gaz",
    # "Deano") that Faker's lists lack, kept by hand; none is an English word except "Mo" and "Paddy".
    first |= load("first_names_extra.txt") - not_names
    # surnames_extra.txt: surnames common in UK communities (Polish, Romanian, Baltic, Albanian,
    # Somali, Eritrean, West African, South Asian, Kurdish, Iranian, Afghan, Vietnamese, Chinese,
    # Turkish, Irish, Welsh) that Faker's lists lack, kept by hand; none is an English word.
    last |= load("surnames_extra.txt") - (FUNCTION_WORDS | DOMAIN_WORDS | TITLES | STRONG_ORG_WORDS)
    return first, last, load("ambiguous_names.txt")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary lower-case English words (Debian's ``wbritish`` list), to tell "Prydderch" from "Attends"."""
    path = Path(__file__).resolve().parent / "data" / "english_words.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) | LOANWORDS | MODERN_WORDS
