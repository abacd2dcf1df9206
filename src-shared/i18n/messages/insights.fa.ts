import type { insightsEn } from './insights.en.ts';
import type { Message } from './types.ts';

/** The Persian Insights messages, typed against the English keys (spread into fa.ts). */
export const insightsFa: Readonly<Record<keyof typeof insightsEn, Message>> = {
  'nav.insights': 'گزارش‌ها',
  'charts.noData': 'بدون داده',

  'insights.title': 'گزارش‌ها',
  'insights.subtitle': 'آیا مشتری‌ها برمی‌گردند؟ تا {date}.',
  'insights.loadFailed': 'شاخص‌ها خوانده نشد',
  'insights.headlinesLabel': 'شاخص‌های اصلی',
  'insights.notEnoughData': 'دادهٔ کافی نیست',
  'insights.whatIs': '«{figure}» یعنی چه؟',
  'insights.days': '{days} روز',
  'insights.chart.month': 'ماه',

  'insights.period.label': 'بازهٔ زمانی',
  'insights.period.thisMonth': 'این ماه',
  'insights.period.last3Months': 'سه ماه اخیر',
  'insights.period.last12Months': 'دوازده ماه اخیر',
  'insights.period.thisYear': 'امسال',
  'insights.period.custom': 'بازهٔ دلخواه…',
  'insights.period.from': 'از',
  'insights.period.to': 'تا',
  'insights.period.apply': 'نمایش',
  'insights.period.range': 'از {from} تا {to}',
  'insights.period.reversed': 'این روز پیش از روز آغاز است.',
  'insights.period.future': 'این بازه بعد از امروز شروع می‌شود و هنوز شاخصی ندارد.',

  'insights.figure.newCustomers': 'مشتری‌های جدید',
  'insights.figure.newCustomerChurn90': 'ریزش نود روزهٔ مشتری‌های جدید',
  'insights.figure.repeatPurchaseRate': 'نرخ خرید تکراری',
  'insights.figure.returningCustomerRate': 'نرخ مشتری بازگشتی',
  'insights.figure.revenue': 'درآمد',
  'insights.figure.averageOrderValue': 'میانگین مبلغ سفارش',
  'insights.figure.purchaseFrequency': 'دفعات خرید',
  'insights.figure.refundRate': 'نرخ مرجوعی',
  'insights.figure.nps': 'NPS',
  'insights.figure.csat': 'رضایت (CSAT)',
  'insights.figure.historicClv12m': 'ارزش یک‌سالهٔ مشتری',
  'insights.figure.repeatRate90': 'نرخ بازگشت نود روزه',

  'insights.def.newCustomers':
    'مشتری‌هایی که اولین خریدشان در این بازه بوده است. خرید یعنی روزی با دست‌کم یک سفارش که پس از کسر مرجوعی، مبلغش بیشتر از صفر است.',
  'insights.def.newCustomerChurn90':
    'از مشتری‌های جدید این بازه که دست‌کم نود روز از اولین خریدشان گذشته: سهم کسانی که تا نود روز پس از آن دوباره خرید نکرده‌اند. رسید دوم در همان روز بازگشت حساب نمی‌شود. هرچه کمتر، بهتر.',
  'insights.def.repeatPurchaseRate':
    'از همهٔ مشتری‌های شما تا امروز، سهم کسانی که در دست‌کم دو روز جداگانه خرید کرده‌اند، در کل سابقه‌شان. با نرخ مشتری بازگشتی فرق دارد که فقط خریداران همین بازه را می‌بیند.',
  'insights.def.returningCustomerRate':
    'از مشتری‌هایی که در این بازه خرید کرده‌اند، سهم کسانی که پیش از شروع بازه هم خرید کرده بودند. فقط خریداران همین بازه را می‌بیند؛ نرخ خرید تکراری همهٔ مشتری‌های تا امروز را.',
  'insights.def.revenue':
    'جمع سفارش‌های این بازه منهای مرجوعی‌هایشان، همراه با فروش‌های بدون مشتری.',
  'insights.def.averageOrderValue':
    'میانگین مبلغ سفارش: درآمد تقسیم بر سفارش‌هایی که پس از کسر مرجوعی مبلغشان بیشتر از صفر است، همراه با فروش‌های بدون مشتری.',
  'insights.def.purchaseFrequency':
    'مشتری‌هایی که در این بازه خرید کرده‌اند، به‌طور میانگین در چند روز جداگانه خرید کرده‌اند.',
  'insights.def.refundRate':
    'مبلغ مرجوع‌شده تقسیم بر مبلغ فروش پیش از مرجوعی، برای سفارش‌های این بازه. هرچه کمتر، بهتر.',
  'insights.def.nps':
    'NPS (شاخص خالص ترویج): درصد پاسخ‌های ۹ و ۱۰ منهای درصد پاسخ‌های ۰ تا ۶، از منفی ۱۰۰ تا ۱۰۰.',
  'insights.def.csat': 'CSAT (رضایت مشتری): سهم پاسخ‌های رضایت (۱ تا ۵) که ۴ یا ۵ بوده‌اند.',
  'insights.def.historicClv12m':
    'میانگین خرید هر مشتری در ۳۶۵ روز از اولین خریدش، برای مشتری‌هایی که دست‌کم یک سال پیش اولین خرید را کرده‌اند.',
  'insights.def.medianDaysToSecondPurchase':
    'میان مشتری‌هایی که برگشته‌اند، مقدار میانهٔ روزهای اولین خرید تا اولین بازگشت.',
  'insights.def.cohorts':
    'هر ردیف مشتری‌هایی است که اولین خریدشان در آن ماه بوده. هر خانه سهم آن‌هایی است که آن‌قدر ماه بعد دوباره خرید کرده‌اند؛ ماه صفر همیشه صد درصد است.',
  'insights.def.rfm':
    'به هر مشتری از ۱ تا ۵ امتیاز تازگی (R: روزهای گذشته از آخرین خرید، هرچه کمتر بهتر) و دفعات (F: روزهای خرید) داده می‌شود، بر پایهٔ پنجک‌های مشتری‌های شما. قهرمان‌ها: R و F ۴ یا ۵. وفادار: F ۴ یا ۵. تازه‌وارد امیدوارکننده: F ۱ و R ۴ یا ۵. نیازمند توجه: R ۳. در خطر ریزش: R ۱ یا ۲ و F ۳ یا بیشتر. خفته: R و F ۱ یا ۲. سایر: بقیه.',
  'insights.def.followUpEffect':
    'از مشتری‌های جدید این بازه که دست‌کم نود روز از اولین خریدشان گذشته: سهم بازگشت در نود روز میان کسانی که تماس پیگیری پس از خرید به آن‌ها رسید، در برابر کسانی که هرگز تماسی به آن‌ها نرسید.',
  'insights.def.loyalty':
    'مشتری‌هایی که در سطحی بالاتر از سطح پایه‌اند در برابر بقیه: نرخ بازگشت نود روزهٔ مشتری‌های جدید هر گروه در این بازه، و نرخ خرید تکراری همهٔ آن‌ها.',

  'insights.detail.newCustomers': 'اولین خرید در این بازه',
  'insights.detail.churn': 'از {count} مشتری جدید با نود روز سابقه',
  'insights.detail.repeatPurchaseRate': 'از همهٔ {count} مشتری تا امروز',
  'insights.detail.returningCustomerRate': 'از {count} مشتری که در این بازه خرید کرده‌اند',
  'insights.detail.revenue': 'از {count} سفارش',
  'insights.detail.averageOrderValue': 'درآمد ÷ سفارش‌ها',
  'insights.detail.purchaseFrequency': 'روزهای خرید هر خریدار، میان {count} خریدار',
  'insights.detail.refundRate': '{amount} مرجوع شده',
  'insights.detail.answers': '{count} پاسخ',
  'insights.detail.clv': 'میان {count} مشتری با دست‌کم یک سال سابقه',

  'insights.change.points': '{value} واحد درصد',
  'insights.change.vsPrevious': 'نسبت به بازهٔ قبل',
  'insights.change.since': 'از {date}',
  'insights.change.flat': 'بدون تغییر',
  'insights.change.none': 'هنوز چیزی برای مقایسه نیست',
  'insights.change.better': '(بهتر)',
  'insights.change.worse': '(بدتر)',

  'insights.empty.noSales':
    'هنوز فروشی ثبت نشده است. فروش‌هایتان را وارد کنید تا ببینید مشتری‌ها برمی‌گردند یا نه.',
  'insights.empty.importSales': 'برای دیدن این بخش، فروش‌ها را وارد کنید',
  'insights.empty.importAction': 'ورود فروش',
  'insights.empty.cohorts': 'برای دیدن گروه‌ها، فروش‌ها را وارد کنید',
  'insights.empty.rfm': 'برای دیدن بخش‌های RFM، فروش‌ها را وارد کنید',
  'insights.empty.surveys': 'در این بازه پاسخ NPS یا CSAT ثبت نشده است',
  'insights.empty.surveysBody':
    'هنگام گفت‌وگو با مشتری امتیازش را ثبت کنید (در «امروز» یا پروندهٔ مشتری)، یا پاسخ‌های نظرسنجی را در صفحهٔ ورود فروش وارد کنید.',

  'insights.churn.title': 'ریزش نود روزهٔ مشتری‌های جدید به تفکیک ماه',
  'insights.churn.lead':
    'برای مشتری‌های جدید هر ماه: سهم کسانی که تا نود روز برنگشتند. هر ماه وقتی نشان داده می‌شود که نود روز از خرید مشتری‌های جدیدش گذشته باشد.',
  'insights.churn.tooEarly': 'هنوز زود است',
  'insights.churn.tooEarlyBody':
    'ریزش نود روز پس از اولین خرید معلوم می‌شود و هنوز از اولین خرید هیچ مشتری جدیدی در این بازه این‌قدر نگذشته است. بازهٔ طولانی‌تری انتخاب کنید.',

  'insights.cohorts.title': 'ماندگاری گروه‌ها',
  'insights.cohorts.lead':
    'مشتری‌ها به تفکیک ماه اولین خرید، و سهم آن‌هایی که در هر ماه بعد خرید کرده‌اند.',
  'insights.cohorts.cohort': 'اولین خرید',
  'insights.cohorts.size': 'مشتری',
  'insights.cohorts.monthK': 'ماه بعد',
  'insights.cohorts.axis': 'ستون‌ها: ماه‌های پس از اولین خرید.',
  'insights.cohorts.none': 'در این بازه مشتری جدیدی نیامده است',

  'insights.repeat.title': 'نرخ خرید تکراری و نرخ مشتری بازگشتی',
  'insights.repeat.lead':
    'دو شاخص متفاوت: نرخ خرید تکراری همهٔ مشتری‌ها تا پایان هر ماه را می‌شمارد، نرخ مشتری بازگشتی فقط کسانی را که در همان ماه خرید کرده‌اند.',

  'insights.revenue.title': 'درآمد و میانگین مبلغ سفارش',
  'insights.revenue.lead': 'ماه به ماه، همراه با فروش‌های بدون مشتری.',
  'insights.revenue.none': 'در این بازه فروشی نبوده است',

  'insights.satisfaction.title': 'روند NPS و رضایت',
  'insights.satisfaction.lead': 'ماه به ماه، از پاسخ‌های مشتری‌ها.',

  'insights.secondPurchase.title': 'خرید دوم',
  'insights.secondPurchase.lead': 'برای همهٔ مشتری‌ها تا امروز.',
  'insights.secondPurchase.detail': 'میانهٔ فاصلهٔ اولین خرید تا اولین بازگشت',
  'insights.secondPurchase.none': 'هنوز هیچ مشتری‌ای برای خرید دوم برنگشته است',

  'insights.staff.title': 'NPS و رضایت به تفکیک همکار',
  'insights.staff.lead': 'پاسخ‌های این بازه، به تفکیک کسی که ثبتشان کرده است.',
  'insights.staff.member': 'همکار',
  'insights.staff.nobody': 'ثبت‌نشده',
  'insights.staff.none': 'در این بازه پاسخی ثبت نشده است',

  'insights.followUp.title': 'اثر پیگیری',
  'insights.followUp.lead':
    'نرخ بازگشت نود روزهٔ مشتری‌های جدید این بازه: با تماس پیگیری به آن‌ها رسیدیم، یا هرگز نرسیدیم.',
  'insights.followUp.reached': 'تماس برقرار شد',
  'insights.followUp.notReached': 'تماس برقرار نشد',
  'insights.followUp.tooEarlyBody':
    'این اثر نود روز پس از اولین خرید معلوم می‌شود و هنوز از اولین خرید هیچ مشتری جدیدی در این بازه این‌قدر نگذشته است.',
  'insights.followUp.noneReached': 'با هیچ مشتری جدیدی در این بازه تماس پیگیری برقرار نشده است',
  'insights.followUp.noneReachedBody':
    'تماس‌های پیگیری پس از خرید را در «امروز» ثبت کنید تا ببینید مشتری‌ها را برمی‌گردانند یا نه.',

  'insights.group.group': 'گروه',
  'insights.group.label': '{group} ({count})',

  'insights.loyalty.title': 'اعضای باشگاه و دیگران',
  'insights.loyalty.members': 'بالاتر از سطح پایه',
  'insights.loyalty.others': 'بقیه',
  'insights.loyalty.none': 'هنوز هیچ مشتری‌ای بالاتر از سطح پایه نیست',

  'insights.rfm.title': 'بخش‌های RFM',
  'insights.rfm.fixed':
    'کمتر از صد مشتری: امتیازها با آستانه‌های ثابت داده شده، نه پنجک‌ها (R: تا ۳۰، ۶۰، ۹۰ و ۱۸۰ روز؛ F: ۱، ۲، ۳، ۴ تا ۵ و ۶ روز خرید یا بیشتر).',
  'insights.rfm.quintiles': 'امتیازها بر پایهٔ پنجک‌های مشتری‌های شما، تا امروز.',
  'insights.rfm.recency': 'تازگی',
  'insights.rfm.r': 'R {score}',
  'insights.rfm.f': 'F {score}',
  'insights.rfm.axes':
    'ردیف‌ها: تازگی؛ پنج یعنی تازه‌ترین خریداران. ستون‌ها: دفعات؛ پنج یعنی بیشترین روزهای خرید. یک خانه یا یک بخش را انتخاب کنید تا مشتری‌هایش را ببینید.',
  'insights.rfm.cellLabel': '{segment}، R {r}، F {f}: {count} مشتری. نمایش این بخش.',
  'insights.rfm.segments': 'بخش‌ها',

  'insights.focus.title': 'شاخص هدف',
  'insights.focus.empty':
    'شاخصی را که بیش از همه می‌خواهید بهتر شود انتخاب کنید، برایش هدف بگذارید و ماه به ماه دنبالش کنید.',
  'insights.focus.choose': 'انتخاب شاخص هدف',
  'insights.focus.change': 'تغییر',
  'insights.focus.figure': 'شاخص',
  'insights.focus.targetFloor': 'هدف (دست‌کم)',
  'insights.focus.targetCeiling': 'هدف (حداکثر)',
  'insights.focus.percentHint': 'به درصد، مثلاً ۳۵.',
  'insights.focus.moneyHint': 'به همان واحدی که مبلغ‌ها نشان داده می‌شوند، مثل {example}.',
  'insights.focus.targetNumber': 'یک عدد بنویسید.',
  'insights.focus.targetRange': 'عددی از {min} تا {max} بنویسید.',
  'insights.focus.targetWhole': 'یک عدد صحیح صفر یا بیشتر بنویسید.',
  'insights.focus.remove': 'حذف شاخص هدف',
  'insights.focus.target': 'هدف',
  'insights.focus.targetAtLeast': 'هدف: دست‌کم {value}',
  'insights.focus.targetAtMost': 'هدف: حداکثر {value}',
  'insights.focus.met': 'به هدف رسیده',
  'insights.focus.notMet': 'هنوز نرسیده',
  'insights.focus.latest': 'در {month}',
  'insights.focus.noData': 'هنوز برای سه ماه اخیر شاخصی نیست',
  'insights.focus.chartTitle': '{figure} در سه ماه اخیر، در برابر هدفش',

  'rfm.segment.champions': 'قهرمان‌ها',
  'rfm.segment.loyal': 'وفادار',
  'rfm.segment.promisingNew': 'تازه‌وارد امیدوارکننده',
  'rfm.segment.needsAttention': 'نیازمند توجه',
  'rfm.segment.atRisk': 'در خطر ریزش',
  'rfm.segment.hibernating': 'خفته',
  'rfm.segment.others': 'سایر',

  'customers.segmentFilterLabel': 'نمایش مشتری‌های یک بخش ذخیره‌شده',
  'customers.allSegments': 'همهٔ بخش‌ها',
  'customers.rfmSegments': 'بخش‌های RFM (تا امروز)',
  'customers.rfmFilter': 'بخش RFM: {segment}',
  'customers.rfmFilterHint': 'امتیاز تا امروز، مانند صفحهٔ گزارش‌ها.',
  'customers.clearRfmFilter': 'نمایش همهٔ مشتریان، نه فقط {segment}',
  'customers.noSegmentTitle': 'امروز هیچ مشتری‌ای در «{segment}» نیست',
  'customers.noSegmentBody':
    'بخش‌ها از خریدهای تا امروز حساب می‌شوند، پس با خرید مشتری‌ها تغییر می‌کنند.',
  'customers.clearSegment': 'نمایش همهٔ مشتریان',
};
