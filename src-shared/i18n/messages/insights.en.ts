import type { Message } from './types.ts';

/**
 * The Insights screen, the figures' definitions (DESIGN.md §3, in plain words), the RFM segments
 * and the Customers list's segment filter (spread into en.ts).
 */
export const insightsEn = {
  'nav.insights': 'Insights',
  'charts.noData': 'No data',

  'insights.title': 'Insights',
  'insights.subtitle': 'Whether customers come back, as of {date}.',
  'insights.loadFailed': 'The figures could not be read',
  'insights.headlinesLabel': 'Headline figures',
  'insights.notEnoughData': 'Not enough data',
  'insights.whatIs': 'What is “{figure}”?',
  'insights.days': { one: '{days} day', other: '{days} days' },
  'insights.chart.month': 'Month',

  'insights.period.label': 'Period',
  'insights.period.thisMonth': 'This month',
  'insights.period.last3Months': 'Last 3 months',
  'insights.period.last12Months': 'Last 12 months',
  'insights.period.thisYear': 'This year',
  'insights.period.custom': 'Custom…',
  'insights.period.from': 'From',
  'insights.period.to': 'To',
  'insights.period.apply': 'Show',
  'insights.period.range': 'From {from} to {to}',
  'insights.period.reversed': 'This day is before the first one.',
  'insights.period.future': 'The period starts after today: there are no figures yet.',

  'insights.figure.newCustomers': 'New customers',
  'insights.figure.newCustomerChurn90': 'New-customer 90-day churn',
  'insights.figure.repeatPurchaseRate': 'Repeat purchase rate',
  'insights.figure.returningCustomerRate': 'Returning customer rate',
  'insights.figure.revenue': 'Revenue',
  'insights.figure.averageOrderValue': 'Average order value',
  'insights.figure.purchaseFrequency': 'Purchase frequency',
  'insights.figure.refundRate': 'Refund rate',
  'insights.figure.nps': 'NPS',
  'insights.figure.csat': 'CSAT',
  'insights.figure.historicClv12m': '12-month customer value',
  'insights.figure.repeatRate90': '90-day repeat rate',

  'insights.def.newCustomers':
    'Customers whose first purchase was in this period. A purchase is a day with at least one order worth more than zero after refunds.',
  'insights.def.newCustomerChurn90':
    'Of this period’s new customers whose first purchase was at least 90 days ago: the share who did not buy again within 90 days of it. A second receipt on the same day is not a return. Lower is better.',
  'insights.def.repeatPurchaseRate':
    'Of all your customers up to today, the share who have bought on at least two different days, over their whole history. Not the returning customer rate, which looks only at who bought in this period.',
  'insights.def.returningCustomerRate':
    'Of the customers who bought in this period, the share who had already bought before it began. It looks only at this period’s buyers; the repeat purchase rate looks at every customer ever.',
  'insights.def.revenue':
    'The period’s orders, minus what was refunded on them, walk-in sales without a customer included.',
  'insights.def.averageOrderValue':
    'Average order value: revenue divided by the orders worth more than zero after refunds, walk-in sales included.',
  'insights.def.purchaseFrequency':
    'On how many different days a customer who bought in this period bought, on average.',
  'insights.def.refundRate':
    'The amount refunded divided by the amount sold before refunds, for this period’s orders. Lower is better.',
  'insights.def.nps':
    'NPS (Net Promoter Score): the percentage of answers of 9 or 10 minus the percentage of answers from 0 to 6, from −100 to +100.',
  'insights.def.csat':
    'CSAT (customer satisfaction): the share of satisfaction answers (1 to 5) that are 4 or 5.',
  'insights.def.historicClv12m':
    'What a customer spent on average in the 365 days from their first purchase, over the customers who first bought at least a year ago.',
  'insights.def.medianDaysToSecondPurchase':
    'Among the customers who came back, the middle value of the days from their first purchase to their first return.',
  'insights.def.cohorts':
    'Each row is the customers whose first purchase fell in that month. Each cell is the share of them who bought again that many months later; month 0 is always 100%.',
  'insights.def.rfm':
    'Every customer is scored 1 to 5 on recency (R: days since the last purchase, fewer is better) and frequency (F: days with a purchase), by fifths of your customers. Champions: R and F 4–5. Loyal: F 4–5. Promising new: F 1, R 4–5. Needs attention: R 3. At risk: R 1–2, F 3 or more. Hibernating: R and F 1–2. Others: the rest.',
  'insights.def.followUpEffect':
    'Of this period’s new customers whose first purchase was at least 90 days ago: the share who came back within 90 days among those reached by their post-purchase check-in call, against those never reached.',
  'insights.def.loyalty':
    'Customers in a tier above the base tier against everyone else: the 90-day repeat rate of each group’s new customers of this period, and the repeat purchase rate of all of them.',

  'insights.detail.newCustomers': 'first purchase in this period',
  'insights.detail.churn': {
    one: 'of {count} new customer with 90 days behind',
    other: 'of {count} new customers with 90 days behind',
  },
  'insights.detail.repeatPurchaseRate': {
    one: 'of all {count} customer up to today',
    other: 'of all {count} customers up to today',
  },
  'insights.detail.returningCustomerRate': {
    one: 'of {count} customer who bought in this period',
    other: 'of {count} customers who bought in this period',
  },
  'insights.detail.revenue': { one: 'from {count} order', other: 'from {count} orders' },
  'insights.detail.averageOrderValue': 'revenue ÷ orders',
  'insights.detail.purchaseFrequency': {
    one: 'purchase days per buyer, over {count} buyer',
    other: 'purchase days per buyer, over {count} buyers',
  },
  'insights.detail.refundRate': '{amount} refunded',
  'insights.detail.answers': { one: '{count} answer', other: '{count} answers' },
  'insights.detail.clv': {
    one: 'over {count} customer who first bought a year ago or more',
    other: 'over {count} customers who first bought a year ago or more',
  },

  'insights.change.points': '{value} pts',
  'insights.change.vsPrevious': 'vs the period before',
  'insights.change.since': 'since {date}',
  'insights.change.flat': 'No change',
  'insights.change.none': 'Nothing to compare with yet',
  'insights.change.better': '(better)',
  'insights.change.worse': '(worse)',

  'insights.empty.noSales': 'No sales yet. Import your sales to see whether customers come back.',
  'insights.empty.importSales': 'Import sales to see this',
  'insights.empty.importAction': 'Import sales',
  'insights.empty.cohorts': 'Import sales to see cohorts',
  'insights.empty.rfm': 'Import sales to see the RFM segments',
  'insights.empty.surveys': 'No NPS or CSAT answers in this period',
  'insights.empty.surveysBody':
    'Record a score when you talk to a customer (on Today or in their profile), or import survey answers on the Import screen.',

  'insights.churn.title': 'New-customer 90-day churn by monthly cohort',
  'insights.churn.lead':
    'For each month’s new customers: the share who did not come back within 90 days. A month shows once its new customers are 90 days along.',
  'insights.churn.tooEarly': 'Too early to tell',
  'insights.churn.tooEarlyBody':
    'Churn is known 90 days after a first purchase, and no new customer of this period is that far along yet. Choose a longer period.',

  'insights.cohorts.title': 'Cohort retention',
  'insights.cohorts.lead':
    'Customers by the month of their first purchase, and the share of them who bought in each month after it.',
  'insights.cohorts.cohort': 'First purchase',
  'insights.cohorts.size': 'Customers',
  'insights.cohorts.monthK': 'Months after',
  'insights.cohorts.axis': 'Columns: months after the first purchase.',
  'insights.cohorts.none': 'No new customers in this period',

  'insights.repeat.title': 'Repeat purchase rate and returning customer rate',
  'insights.repeat.lead':
    'Two different figures: the repeat purchase rate counts every customer up to each month’s end, the returning customer rate only those who bought in the month.',

  'insights.revenue.title': 'Revenue and average order value',
  'insights.revenue.lead': 'Month by month, walk-in sales included.',
  'insights.revenue.none': 'No sales in this period',

  'insights.satisfaction.title': 'NPS and CSAT over time',
  'insights.satisfaction.lead': 'Month by month, from the answers customers gave.',

  'insights.secondPurchase.title': 'The second purchase',
  'insights.secondPurchase.lead': 'Over all customers up to today.',
  'insights.secondPurchase.detail': 'the median time from a first purchase to the first return',
  'insights.secondPurchase.none': 'No customer has come back for a second purchase yet',

  'insights.staff.title': 'NPS and CSAT by staff member',
  'insights.staff.lead': 'This period’s answers, by who recorded them.',
  'insights.staff.member': 'Staff member',
  'insights.staff.nobody': 'Not recorded',
  'insights.staff.none': 'No answers recorded in this period',

  'insights.followUp.title': 'Follow-up effect',
  'insights.followUp.lead':
    '90-day repeat rate of this period’s new customers: reached by the check-in call, or never reached.',
  'insights.followUp.reached': 'Reached',
  'insights.followUp.notReached': 'Not reached',
  'insights.followUp.tooEarlyBody':
    'The effect shows 90 days after a first purchase, and no new customer of this period is that far along yet.',
  'insights.followUp.noneReached': 'No new customer of this period was reached by a check-in call',
  'insights.followUp.noneReachedBody':
    'Log your post-purchase check-in calls on Today to see whether they bring customers back.',

  'insights.group.group': 'Group',
  'insights.group.label': '{group} ({count})',

  'insights.loyalty.title': 'Loyalty members vs others',
  'insights.loyalty.members': 'Above the base tier',
  'insights.loyalty.others': 'Everyone else',
  'insights.loyalty.none': 'No customer is above the base tier yet',

  'insights.rfm.title': 'RFM segments',
  'insights.rfm.fixed':
    'Fewer than 100 customers: scored by fixed steps instead of fifths (R: up to 30, 60, 90 and 180 days; F: 1, 2, 3, 4–5 and 6 or more purchase days).',
  'insights.rfm.quintiles': 'Scored by fifths of your customers, as of today.',
  'insights.rfm.recency': 'Recency',
  'insights.rfm.r': 'R {score}',
  'insights.rfm.f': 'F {score}',
  'insights.rfm.axes':
    'Rows: recency, 5 is the most recent buyers. Columns: frequency, 5 is the most purchase days. Choose a cell or a segment to see its customers.',
  'insights.rfm.cellLabel': {
    one: '{segment}, R {r}, F {f}: {count} customer. Show the segment.',
    other: '{segment}, R {r}, F {f}: {count} customers. Show the segment.',
  },
  'insights.rfm.segments': 'Segments',

  'insights.focus.title': 'Focus figure',
  'insights.focus.empty':
    'Pick the one figure you most want to move, give it a target, and follow it month by month.',
  'insights.focus.choose': 'Choose a focus figure',
  'insights.focus.change': 'Change',
  'insights.focus.figure': 'Figure',
  'insights.focus.targetFloor': 'Target (at least)',
  'insights.focus.targetCeiling': 'Target (at most)',
  'insights.focus.percentHint': 'As a percentage, for example 35.',
  'insights.focus.moneyHint': 'In the unit amounts are shown in, like {example}.',
  'insights.focus.targetNumber': 'Type a number.',
  'insights.focus.targetRange': 'Type a number from {min} to {max}.',
  'insights.focus.targetWhole': 'Type a whole number of 0 or more.',
  'insights.focus.remove': 'Remove the focus figure',
  'insights.focus.target': 'Target',
  'insights.focus.targetAtLeast': 'Target: at least {value}',
  'insights.focus.targetAtMost': 'Target: at most {value}',
  'insights.focus.met': 'On target',
  'insights.focus.notMet': 'Not there yet',
  'insights.focus.latest': 'in {month}',
  'insights.focus.noData': 'No figures for the last three months yet',
  'insights.focus.chartTitle': '{figure} over the last three months, against its target',

  'rfm.segment.champions': 'Champions',
  'rfm.segment.loyal': 'Loyal',
  'rfm.segment.promisingNew': 'Promising new',
  'rfm.segment.needsAttention': 'Needs attention',
  'rfm.segment.atRisk': 'At risk',
  'rfm.segment.hibernating': 'Hibernating',
  'rfm.segment.others': 'Others',

  'customers.segmentFilterLabel': 'Show the customers of a saved segment',
  'customers.allSegments': 'All segments',
  'customers.rfmSegments': 'RFM segments (as of today)',
  'customers.rfmFilter': 'RFM segment: {segment}',
  'customers.rfmFilterHint': 'Scored as of today, as on the Insights screen.',
  'customers.clearRfmFilter': 'Show all customers, not only {segment}',
  'customers.noSegmentTitle': 'No customers in “{segment}” today',
  'customers.noSegmentBody':
    'Segments are scored from the purchases up to today, so they change as customers buy.',
  'customers.clearSegment': 'Show all customers',
} as const satisfies Record<string, Message>;
