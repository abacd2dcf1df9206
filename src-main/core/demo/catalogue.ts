/**
 * The believable raw material of the demo shop: people's names, what the shop sells and at what
 * price, who works there. Two shops, one per locale: a Persian boutique and home-goods shop priced
 * in Toman, and an English gift and home shop priced in pence.
 */

export type DemoLocale = 'fa' | 'en';

/** A name with the Latin spelling people use in their e-mail address. */
export type Name = { text: string; latin: string };

/** When a product sells mostly: it is hardly bought outside its season. */
export type Season = 'nowruz' | 'yalda' | 'christmas';

export type Product = {
  name: string;
  /** Base SKU; each price point is a variant with its own suffix. */
  sku: string;
  category: string;
  /** Today's prices (at the demo's as-of date): Toman for fa, pence for en. */
  minPrice: number;
  maxPrice: number;
  /** Relative share of sales among the shop's products. */
  popularity: number;
  /** Bought by the pack, often more than one at a time. */
  isConsumable: boolean;
  season?: Season;
};

export type StaffMember = {
  name: string;
  role: 'owner' | 'staff';
  phone: string | null;
  /** Share of the orders this person rings up while employed. */
  share: number;
  /** Employment as fractions of the demo's time span (0 = its first day, 1 = its last). */
  from: number;
  to: number;
};

export type Catalogue = {
  femaleFirstNames: readonly Name[];
  maleFirstNames: readonly Name[];
  lastNames: readonly Name[];
  /** Forms of address written before a surname when the shop never asked the first name. */
  honorifics: { female: string; male: string };
  products: readonly Product[];
  staff: readonly StaffMember[];
  /** Mobile prefixes (national form, trunk 0 included) and their relative frequency. */
  mobilePrefixes: readonly (readonly [prefix: string, weight: number])[];
  /** Digits after the prefix. */
  mobileSubscriberDigits: number;
  emailDomains: readonly (readonly [domain: string, weight: number])[];
  tags: { vip: string; wholesale: string; trade: string; social: string; local: string };
  customerNotes: readonly string[];
  orderNotes: readonly string[];
};

const names = (pairs: string): Name[] =>
  pairs
    .trim()
    .split(/\s*,\s*/)
    .map((pair) => {
      const [text = '', latin = ''] = pair.split(':');
      return { text, latin };
    });

const english = (list: string): Name[] =>
  list
    .trim()
    .split(/\s*,\s*/)
    .map((text) => ({ text, latin: text.toLowerCase().replace(/[^a-z]/g, '') }));

const FA_FEMALE = names(`
  فاطمه:fatemeh, زهرا:zahra, مریم:maryam, سارا:sara, نرگس:narges, لیلا:leila, الهام:elham,
  مینا:mina, نازنین:nazanin, شیرین:shirin, پریسا:parisa, نیلوفر:niloufar, سمیرا:samira,
  مهسا:mahsa, آزاده:azadeh, فرشته:fereshteh, ژیلا:zhila, یاسمن:yasaman, هانیه:haniyeh,
  کوثر:kowsar, ریحانه:reyhaneh, محدثه:mohaddeseh, سپیده:sepideh, نسرین:nasrin, طاهره:tahereh,
  معصومه:masoumeh, اعظم:azam, زینب:zeynab, شیما:shima, ستاره:setareh, آیدا:aida, بهاره:bahareh,
  ترانه:taraneh, رویا:roya, پروانه:parvaneh, گلناز:golnaz, مهناز:mahnaz, فریبا:fariba, سحر:sahar,
  آتنا:atena, هستی:hasti, ملیکا:melika, نگار:negar, پرستو:parastoo, صبا:saba, شقایق:shaghayegh,
  مژگان:mojgan, فرزانه:farzaneh, منیژه:manijeh, پگاه:pegah, هدیه:hediyeh, عاطفه:atefeh
`);

const FA_MALE = names(`
  علی:ali, محمد:mohammad, حسین:hossein, رضا:reza, مهدی:mahdi, امیر:amir, حسن:hassan,
  مصطفی:mostafa, سعید:saeed, مجید:majid, حمید:hamid, جواد:javad, احمد:ahmad, محمدرضا:mohammadreza,
  امیرحسین:amirhossein, علیرضا:alireza, سجاد:sajjad, میلاد:milad, بهزاد:behzad, فرهاد:farhad,
  کامران:kamran, بابک:babak, آرش:arash, داریوش:dariush, کوروش:kourosh, پویا:pouya, پیمان:peyman,
  سینا:sina, نیما:nima, امید:omid, ایمان:iman, وحید:vahid, مسعود:masoud, مهران:mehran,
  شهرام:shahram, بهرام:bahram, کیوان:keyvan, یاسر:yaser, هادی:hadi, محسن:mohsen,
  ابوالفضل:abolfazl, سامان:saman, رامین:ramin, فرشاد:farshad, حامد:hamed, یوسف:yousef,
  عباس:abbas, ناصر:naser, منصور:mansour, اسماعیل:esmaeil, کاوه:kaveh, مازیار:maziar
`);

// A few surnames carry a zero-width non-joiner (‌), as Persian writes them; search must ignore it.
const FA_LAST = names(`
  رضایی:rezaei, محمدی:mohammadi, حسینی:hosseini, احمدی:ahmadi, کریمی:karimi, موسوی:mousavi,
  جعفری:jafari, صادقی:sadeghi, رحیمی:rahimi, کاظمی:kazemi, هاشمی:hashemi, قاسمی:ghasemi,
  ابراهیمی:ebrahimi, نوری:nouri, اکبری:akbari, عسگری:asgari, تهرانی:tehrani, شیرازی:shirazi,
  اصفهانی:esfahani, تبریزی:tabrizi, یزدی:yazdi, کرمانی:kermani, رشتی:rashti, قزوینی:ghazvini,
  سلطانی:soltani, امینی:amini, باقری:bagheri, یوسفی:yousefi, مرادی:moradi, نجفی:najafi,
  زارعی:zarei, فرهادی:farhadi, سعیدی:saeedi, طاهری:taheri, شریفی:sharifi, عزیزی:azizi,
  نظری:nazari, حیدری:heydari, کامرانی:kamrani, بهرامی:bahrami, منصوری:mansouri, رستمی:rostami,
  فتحی:fathi, ملکی:maleki, افشار:afshar, پارسا:parsa, توکلی:tavakoli, خسروی:khosravi,
  دهقان:dehghan, رحمانی:rahmani, زمانی:zamani, سبحانی:sobhani, شجاعی:shojaei, صالحی:salehi,
  ضیایی:ziaei, عطایی:ataei, فاضلی:fazeli, قربانی:ghorbani, کیانی:kiani, گودرزی:goudarzi,
  لطفی:lotfi, میرزایی:mirzaei, نصیری:nasiri, وحیدی:vahidi, همتی:hemmati, یگانه:yeganeh,
  ملک‌زاده:malekzadeh, حسن‌زاده:hassanzadeh, علی‌پور:alipour, قلی‌زاده:gholizadeh,
  نیک‌نام:niknam, پاکزاد:pakzad, جهانگیری:jahangiri, اسدی:asadi, بابایی:babaei,
  پورمحمدی:pourmohammadi, ترابی:torabi, ثابتی:sabeti, چراغی:cheraghi, خلیلی:khalili,
  دانشور:daneshvar, رنجبر:ranjbar, سلیمانی:soleimani, شاهرخی:shahrokhi, فرجی:faraji,
  نوروزی:nowrouzi, کشاورز:keshavarz, مختاری:mokhtari, عبداللهی:abdollahi, شکوهی:shokouhi
`);

const EN_FEMALE = english(`
  Olivia, Amelia, Isla, Ava, Emily, Sophie, Grace, Lily, Chloe, Ella, Charlotte, Jessica, Lucy,
  Hannah, Emma, Sarah, Rebecca, Laura, Rachel, Claire, Helen, Katie, Megan, Holly, Zoe, Abigail,
  Eleanor, Harriet, Alice, Florence, Poppy, Evie, Freya, Ruby, Daisy, Imogen, Phoebe, Rosie,
  Victoria, Catherine, Joanne, Nicola, Samantha, Gemma, Louise, Priya, Aisha, Fatima, Niamh, Siobhan,
  Margaret, Susan
`);

const EN_MALE = english(`
  Oliver, George, Harry, Jack, Charlie, Thomas, James, William, Henry, Oscar, Leo, Alfie, Joshua,
  Daniel, Samuel, Benjamin, Matthew, Andrew, David, Michael, Christopher, Richard, Robert, Paul,
  Mark, Stephen, Peter, Simon, Jonathan, Edward, Adam, Luke, Ryan, Nathan, Callum, Connor, Liam,
  Owen, Rhys, Gareth, Dylan, Ethan, Jacob, Noah, Arthur, Freddie, Archie, Mohammed, Arjun, Rohan,
  Hamish, Ian
`);

const EN_LAST = english(`
  Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, Roberts, Robinson,
  Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall, Lewis, Harris, Clarke, Patel,
  Jackson, Wood, Turner, Martin, Cooper, Hill, Ward, Morris, Moore, Clark, Lee, King, Baker,
  Harrison, Morgan, Allen, James, Scott, Phillips, Watson, Davis, Parker, Price, Bennett, Young,
  Griffiths, Mitchell, Kelly, Cook, Carter, Richardson, Bailey, Collins, Bell, Shaw, Murphy, Miller,
  Cox, Richards, Khan, Marshall, Anderson, Simpson, Ellis, Adams, Singh, Begum, Wilkinson, Foster,
  Chapman, Powell, Webb, Rogers, Gray, Mason, Ali, Hunt, Hussain, Campbell, Matthews, Owen, Palmer,
  Holmes, Mills, Barnes, Knight, Lloyd, Butler, Russell, Fletcher, O'Brien, MacDonald
`);

const FA_PRODUCTS: readonly Product[] = [
  // Scarves and shawls
  p('شال ابریشمی', 'SHL-SLK', 'شال و روسری', 850_000, 1_450_000, 9),
  p('شال پشمی کشمیری', 'SHL-WOL', 'شال و روسری', 1_200_000, 2_200_000, 5),
  p('شال ترمه', 'SHL-TRM', 'شال و روسری', 1_800_000, 3_200_000, 3),
  p('روسری نخی', 'RSR-COT', 'شال و روسری', 320_000, 550_000, 10),
  p('روسری ساتن', 'RSR-STN', 'شال و روسری', 450_000, 750_000, 7),
  p('روسری مینی‌اسکارف', 'RSR-MIN', 'شال و روسری', 280_000, 420_000, 5),
  // Saffron and spices
  p('زعفران سرگل یک مثقالی', 'ZAF-SRG', 'زعفران و ادویه', 650_000, 850_000, 9, true),
  p('زعفران نگین نیم مثقالی', 'ZAF-NGN', 'زعفران و ادویه', 380_000, 480_000, 7, true),
  p('ادویه پلویی', 'ADV-PLO', 'زعفران و ادویه', 90_000, 150_000, 5, true),
  p('زرشک پفکی ۲۵۰ گرمی', 'ZRS-250', 'زعفران و ادویه', 180_000, 260_000, 5, true),
  p('هل سبز ۵۰ گرمی', 'HEL-050', 'زعفران و ادویه', 240_000, 320_000, 4, true),
  // Nuts and dried fruit
  p('پسته اکبری ۵۰۰ گرمی', 'PST-AKB', 'آجیل و خشکبار', 1_100_000, 1_500_000, 8, true),
  p('پسته احمدآقایی ۵۰۰ گرمی', 'PST-AHM', 'آجیل و خشکبار', 950_000, 1_300_000, 6, true),
  p('بادام درختی ۵۰۰ گرمی', 'BDM-500', 'آجیل و خشکبار', 650_000, 900_000, 5, true),
  p('مغز گردو ۵۰۰ گرمی', 'GRD-500', 'آجیل و خشکبار', 450_000, 650_000, 5, true),
  p('انجیر خشک استهبان', 'ANJ-EST', 'آجیل و خشکبار', 380_000, 520_000, 3, true),
  p('آجیل شب یلدا', 'AJL-YLD', 'آجیل و خشکبار', 1_400_000, 2_400_000, 6, true, 'yalda'),
  p('آجیل مخلوط نوروزی', 'AJL-NWZ', 'آجیل و خشکبار', 1_600_000, 2_800_000, 6, true, 'nowruz'),
  // Tea and infusions
  p('چای لاهیجان ممتاز ۵۰۰ گرمی', 'CHY-LHJ', 'چای و دمنوش', 280_000, 420_000, 8, true),
  p('چای سیاه قلم ۴۵۰ گرمی', 'CHY-QLM', 'چای و دمنوش', 220_000, 320_000, 6, true),
  p('دمنوش گل گاوزبان', 'DMN-GVZ', 'چای و دمنوش', 120_000, 180_000, 5, true),
  p('دمنوش به‌لیمو', 'DMN-BLM', 'چای و دمنوش', 90_000, 140_000, 4, true),
  p('نبات چوبی زعفرانی', 'NBT-ZAF', 'چای و دمنوش', 90_000, 140_000, 6, true),
  // Handicrafts
  p('بشقاب میناکاری', 'MNK-BSQ', 'صنایع دستی', 1_800_000, 4_500_000, 3),
  p('رومیزی قلمکار', 'QLM-RMZ', 'صنایع دستی', 650_000, 1_200_000, 4),
  p('جعبه خاتم‌کاری', 'KHT-JBH', 'صنایع دستی', 1_200_000, 2_800_000, 3),
  p('کاسه سفال لالجین', 'SFL-KSH', 'صنایع دستی', 380_000, 700_000, 4),
  p('گلیم دستباف کوچک', 'GLM-SML', 'صنایع دستی', 3_500_000, 7_000_000, 1),
  p('رومیزی ترمه', 'TRM-RMZ', 'صنایع دستی', 1_500_000, 3_000_000, 2),
  p('ظرف هفت‌سین', 'HFT-SIN', 'صنایع دستی', 650_000, 1_500_000, 5, false, 'nowruz'),
  // Kitchenware
  p('قوری و کتری چینی', 'QRI-KTR', 'ظروف آشپزخانه', 1_500_000, 2_800_000, 3),
  p('سماور برقی', 'SMV-BRQ', 'ظروف آشپزخانه', 4_500_000, 8_500_000, 1),
  p('دیگ مسی قلم‌زنی', 'DIG-MSI', 'ظروف آشپزخانه', 2_500_000, 5_000_000, 1),
  p('استکان و نعلبکی ۶ عددی', 'ESK-006', 'ظروف آشپزخانه', 480_000, 850_000, 5),
  p('سینی مسی', 'SNI-MSI', 'ظروف آشپزخانه', 900_000, 1_800_000, 2),
  p('هاون برنجی', 'HVN-BRJ', 'ظروف آشپزخانه', 600_000, 1_100_000, 2),
  // Cosmetics
  p('کرم مرطوب‌کننده گیاهی', 'KRM-MRT', 'آرایشی و بهداشتی', 250_000, 450_000, 7, true),
  p('روغن آرگان', 'RGN-ARG', 'آرایشی و بهداشتی', 380_000, 600_000, 5, true),
  p('صابون گیاهی دست‌ساز', 'SBN-GYH', 'آرایشی و بهداشتی', 60_000, 110_000, 7, true),
  p('گلاب قمصر کاشان', 'GLB-QMS', 'آرایشی و بهداشتی', 70_000, 120_000, 6, true),
  p('ادکلن', 'ODC-001', 'آرایشی و بهداشتی', 1_200_000, 3_500_000, 3),
  // Candles and scents
  p('شمع معطر', 'SHM-MTR', 'شمع و خوشبوکننده', 180_000, 350_000, 5, true),
  p('عود دست‌ساز', 'OUD-DST', 'شمع و خوشبوکننده', 50_000, 90_000, 4, true),
  p('شمع انار یلدایی', 'SHM-YLD', 'شمع و خوشبوکننده', 220_000, 380_000, 4, true, 'yalda'),
];

const EN_PRODUCTS: readonly Product[] = [
  p('Silk scarf', 'SCF-SLK', 'Scarves & wraps', 4500, 8500, 8),
  p('Merino wool wrap', 'WRP-MER', 'Scarves & wraps', 6000, 11000, 5),
  p('Cashmere blend shawl', 'SHL-CSH', 'Scarves & wraps', 8500, 16000, 3),
  p('Cotton bandana', 'BND-COT', 'Scarves & wraps', 1200, 1800, 5),
  p('Loose-leaf Earl Grey 100g', 'TEA-EGR', 'Tea & pantry', 650, 900, 9, true),
  p('English breakfast tea caddy', 'TEA-ENB', 'Tea & pantry', 1200, 1800, 6, true),
  p('Chamomile infusion', 'TEA-CHM', 'Tea & pantry', 550, 800, 5, true),
  p('Persian saffron 1g', 'SAF-001', 'Tea & pantry', 700, 1200, 5, true),
  p('Roasted pistachios 250g', 'PST-250', 'Tea & pantry', 600, 900, 6, true),
  p('Local wildflower honey', 'HNY-WLD', 'Tea & pantry', 750, 1100, 6, true),
  p('Sea salt caramels', 'SWT-CRM', 'Tea & pantry', 500, 750, 6, true),
  p('Handmade ceramic mug', 'MUG-CER', 'Kitchen & dining', 1800, 2800, 8),
  p('Enamel teapot', 'POT-ENM', 'Kitchen & dining', 3500, 5500, 3),
  p('Copper serving tray', 'TRY-COP', 'Kitchen & dining', 4000, 7500, 2),
  p('Linen tea towel', 'TWL-LIN', 'Kitchen & dining', 900, 1400, 7),
  p('Olive wood board', 'BRD-OLV', 'Kitchen & dining', 2500, 4500, 3),
  p('Stoneware dinner plate', 'PLT-STN', 'Kitchen & dining', 1600, 2400, 4),
  p('Kilim cushion cover', 'CSH-KLM', 'Home & gifts', 3800, 6500, 4),
  p('Hand-painted bowl', 'BWL-HPN', 'Home & gifts', 2200, 4200, 4),
  p('Wool throw', 'THR-WOL', 'Home & gifts', 6500, 12000, 2),
  p('Greeting card', 'CRD-GRT', 'Home & gifts', 295, 450, 9, true),
  p('Photo frame', 'FRM-PHT', 'Home & gifts', 1500, 3200, 4),
  p('Scented soy candle', 'CND-SOY', 'Candles & fragrance', 2200, 3800, 8, true),
  p('Reed diffuser', 'DIF-RED', 'Candles & fragrance', 2800, 4200, 5, true),
  p('Incense cones', 'INC-CON', 'Candles & fragrance', 600, 950, 3, true),
  p('Hand cream', 'BTY-HND', 'Bath & beauty', 1200, 1800, 7, true),
  p('Olive oil soap', 'BTY-SOP', 'Bath & beauty', 500, 800, 7, true),
  p('Rose water toner', 'BTY-ROS', 'Bath & beauty', 1400, 2200, 4, true),
  p('Bath salts', 'BTY-SLT', 'Bath & beauty', 900, 1500, 4, true),
  p('Christmas bauble set', 'XMS-BAU', 'Seasonal', 1400, 2400, 6, false, 'christmas'),
  p('Advent calendar', 'XMS-ADV', 'Seasonal', 1800, 3200, 5, true, 'christmas'),
  p('Festive wreath', 'XMS-WRT', 'Seasonal', 3500, 5500, 4, false, 'christmas'),
];

function p(
  name: string,
  sku: string,
  category: string,
  minPrice: number,
  maxPrice: number,
  popularity: number,
  isConsumable = false,
  season?: Season,
): Product {
  return season
    ? { name, sku, category, minPrice, maxPrice, popularity, isConsumable, season }
    : { name, sku, category, minPrice, maxPrice, popularity, isConsumable };
}

const FA_MOBILE_PREFIXES = [
  ['0912', 14],
  ['0935', 8],
  ['0936', 5],
  ['0937', 5],
  ['0938', 4],
  ['0939', 5],
  ['0930', 3],
  ['0933', 3],
  ['0919', 6],
  ['0910', 4],
  ['0911', 3],
  ['0913', 3],
  ['0914', 2],
  ['0915', 2],
  ['0917', 2],
  ['0918', 2],
  ['0901', 5],
  ['0902', 4],
  ['0903', 3],
  ['0905', 2],
  ['0921', 2],
  ['0922', 1],
  ['0990', 5],
  ['0991', 3],
  ['0992', 1],
] as const;

// UK mobiles: 07624 (Isle of Man) and parts of 0770x and 0791x are not valid subscriber ranges.
const EN_MOBILE_PREFIXES = [
  '0740', '0741', '0742', '0743', '0744', '0745', '0746', '0747', '0748', '0749',
  '0751', '0752', '0753', '0754', '0755', '0756', '0757', '0758', '0759',
  '0771', '0772', '0773', '0774', '0775', '0776', '0777', '0778', '0779',
  '0780', '0781', '0782', '0783', '0784', '0785', '0786', '0787', '0788', '0789',
  '0790', '0792', '0793', '0794', '0795', '0796', '0797', '0798', '0799',
].map((prefix) => [prefix, 1] as const); // prettier-ignore

export const CATALOGUES: Readonly<Record<DemoLocale, Catalogue>> = {
  fa: {
    femaleFirstNames: FA_FEMALE,
    maleFirstNames: FA_MALE,
    lastNames: FA_LAST,
    honorifics: { female: 'خانم', male: 'آقای' },
    products: FA_PRODUCTS,
    staff: [
      { name: 'مریم احمدی', role: 'owner', phone: '+989121234567', share: 3, from: 0, to: 1 },
      { name: 'رضا کریمی', role: 'staff', phone: '+989351112233', share: 4, from: 0, to: 0.55 },
      { name: 'نگار حسینی', role: 'staff', phone: '+989197654321', share: 4, from: 0.15, to: 1 },
      { name: 'امید صالحی', role: 'staff', phone: null, share: 3, from: 0.5, to: 1 },
    ],
    mobilePrefixes: FA_MOBILE_PREFIXES,
    mobileSubscriberDigits: 7,
    emailDomains: [
      ['gmail.com', 10],
      ['yahoo.com', 3],
      ['chmail.ir', 1],
      ['outlook.com', 1],
    ],
    tags: {
      vip: 'VIP',
      wholesale: 'عمده',
      trade: 'همکار',
      social: 'اینستاگرام',
      local: 'همسایه',
    },
    customerNotes: [
      'سایز M می‌پوشد',
      'فقط عصرها تماس بگیرید',
      'زعفران سرگل ترجیح می‌دهد',
      'برای هدیه خرید می‌کند، بسته‌بندی کادویی بخواهد',
      'از طرف خانم رضایی معرفی شده',
      'رنگ‌های روشن دوست دارد',
      'پیامک را ترجیح می‌دهد، تلفن جواب نمی‌دهد',
      'مشتری قدیمی مغازه قبلی',
      'برای شرکتش هدیه سازمانی می‌خرد',
      'حساسیت به عطرهای تند دارد',
    ],
    orderNotes: ['بسته‌بندی کادویی', 'ارسال با پیک', 'پرداخت کارت به کارت', 'رزرو تلفنی'],
  },
  en: {
    femaleFirstNames: EN_FEMALE,
    maleFirstNames: EN_MALE,
    lastNames: EN_LAST,
    honorifics: { female: 'Mrs', male: 'Mr' },
    products: EN_PRODUCTS,
    staff: [
      { name: 'Sarah Collins', role: 'owner', phone: '+447400123456', share: 3, from: 0, to: 1 },
      { name: 'James Patel', role: 'staff', phone: '+447534123456', share: 4, from: 0, to: 0.55 },
      { name: 'Emily Hughes', role: 'staff', phone: '+447812345678', share: 4, from: 0.15, to: 1 },
      { name: 'Tom Fletcher', role: 'staff', phone: null, share: 3, from: 0.5, to: 1 },
    ],
    mobilePrefixes: EN_MOBILE_PREFIXES,
    mobileSubscriberDigits: 7,
    emailDomains: [
      ['gmail.com', 10],
      ['outlook.com', 4],
      ['hotmail.co.uk', 4],
      ['yahoo.co.uk', 3],
      ['icloud.com', 3],
      ['btinternet.com', 2],
      ['sky.com', 1],
    ],
    tags: {
      vip: 'VIP',
      wholesale: 'wholesale',
      trade: 'trade',
      social: 'instagram',
      local: 'local',
    },
    customerNotes: [
      'Prefers a call after 5pm',
      'Buys gifts for her mother every spring',
      'Allergic to lavender',
      'Ask about the new candle scents',
      'Runs the café next door',
      'Likes the handmade mugs, collects the blue glaze',
      'Referred by a friend from the book club',
      'Texts rather than calls',
      'Wholesale account for a guest house',
      'Always asks for gift wrapping',
    ],
    orderNotes: ['Gift wrapped', 'Click and collect', 'Phone order', 'Price match'],
  },
};
