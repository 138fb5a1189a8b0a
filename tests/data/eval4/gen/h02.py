from lib import *
d = Doc('holdout', '02_ardentis_q1fy25_call_asr.txt')
assert 1126+548+510==2184 and round(100*(2184/1962-1),1)==11.3 and round(100*(1-2184/2241),1)==2.5
assert round(100*398/2184,1)==18.2 and round(100*664/2184,1)==30.4 and round(341/281.5,2)==1.21 and round(571/281.5,2)==2.03
assert round(0.604*2184-664)==655 and round(100*(2.03/1.76-1))==15
T=("thank you for standing by and welcome to the ardentis semiconductor fiscal first quarter twenty twenty five earnings call. at this time all participants are in a listen only mode. after the speakers presentation there will be a question and answer session. i would now like to hand the call over to your host samir haddad head of investor relations please go ahead. thank you and good afternoon. with me today are claire dubois our president and ceo and owen markham our cfo. today is wednesday january twenty ninth twenty twenty five and we are discussing results for the first quarter of fiscal twenty twenty five which ended december twenty eighth. "
"we will refer to both gap and non gap financial measures and the reconciliation of gap to non gap results is in our earnings release. our comments include forward looking statements that are subject to risks and uncertainties. with that let me hand it to claire. "
"thanks samir and good afternoon everyone. we delivered a solid start to the physical year with revenue of two point one eight four billion dollars, up eleven percent year on year. data center was the standout. our new z nine controller family, which sells for about eleven dollars per unit in volume, is now designed into more than forty hyperscale programs and we now see a serviceable market of roughly thirty billion dollars by twenty twenty eight. automotive was weaker as our customers continued to work down inventory, but design wins remain strong and we booked more than one point five billion dollars of lifetime design wins in the quarter. i want to thank our twenty one thousand four hundred employees. owen over to you "
"thank you claire. revenue for the first fiscal quarter was two point one eight four billion dollars, up eleven point three percent from 1.962 billion dollars a year ago and down two point five percent sequentially from two point two four one billion in the fourth quarter of fiscal twenty four. by end market data center revenue was 1.126 billion dollars, automotive was 548 million dollars and industrial and consumer was 510 million dollars. "
"gap gross margin was fifty seven point two percent and non gap gross margin was sixty point four percent, up a hundred and ten basis points year on year. non gap operating expenses were six hundred fifty five million dollars. gap operating income was three hundred ninety eight million dollars or eighteen point two percent of revenue and non gap operating income was six hundred sixty four million dollars or thirty point four percent of revenue. adjusted ebit da was seven hundred forty one million dollars. "
"gap net income was 341 million dollars or a dollar twenty one per diluted share. non gap net income was five hundred seventy one million dollars and non gap e p s was two dollars and three cents compared with a dollar seventy six in the year ago quarter an increase of fifteen percent. our non gap tax rate was thirteen point five percent and diluted share count was two hundred eighty one point five million. "
"on the balance sheet cash and short term investments ended at four point eight seven billion dollars. d s o was forty seven days and inventory days were a hundred and forty two, up from a hundred thirty one last quarter. cash from operations was six hundred and twelve million dollars and cap ex was ninety seven million dollars so free cash flow was five hundred fifteen million. we returned three hundred and ten million dollars to shareholders including a dividend of sixty eight cents per share. "
"turning to guidance for the physical second quarter we expect revenue of two point two zero billion dollars plus or minus seventy five million. at the midpoint that's up about one percent sequentially. we expect non gap gross margin of sixty point five percent plus or minus one percentage point, non gap operating expenses of about six hundred sixty million dollars and non gap e p s of two dollars and five cents plus or minus ten cents. we expect a non gap tax rate of about thirteen percent. "
"for the full fiscal year twenty twenty five we continue to expect revenue growth in the low to mid single digits and we now expect capital expenditures of approximately four hundred million dollars down from our prior view of four hundred fifty million. longer term we still target a non gap operating margin of thirty five percent. with that let's go to q and a. "
"thank you. our first question is from raj mehta with dunmore capital. yeah hi thanks for taking my question. so you did two point one eight on the top line and you're guiding two point two at the midpoint with gross margin at sixty and a half, the last time you guided the december quarter you said two point one to two point two. what gets you to the upper half of the range. "
"thanks raj. the upper half would need automotive to stabilize earlier than we assume. we assume automotive down again sequentially in the low single digits and data center up mid single digits. "
"our next question comes from the line of beth cole with ferris and lane. thanks. owen the non gap operating margin was about thirty percent and opex around six fifty five, how should we think about opex for the full year and is the ebit margin going to stay around thirty. "
"yeah so we expect opex to grow slower than revenue over the year. we're not going to guide the ebit line specifically but we're comfortable that operating leverage continues. "
"we have time for one more question. it comes from daniel park with auberon securities. hi just a clarification on the data center number, was it one point one two six billion and what was the year ago comparison. yes one point one two six billion dollars, that compares with eight hundred ninety four million dollars in the first quarter of last fiscal year. thank you. "
"that concludes the question and answer session. i'll turn the call back to samir for closing remarks. thank you all for joining, we'll be at two investor conferences in march. this concludes the call. you may now disconnect.")
assert '\n' not in T
g,gg=d.g,d.gg
q='revenue for the first fiscal quarter was two point one eight four billion dollars'
g('FY2025Q1','revenue','total','gaap','actual',2184,'usd_m','core',q)
g('FY2024Q1','revenue','total','gaap','actual',1962,'usd_m','core','up eleven point three percent from 1.962 billion dollars a year ago')
g('FY2024Q4','revenue','total','gaap','actual',2241,'usd_m','core','down two point five percent sequentially from two point two four one billion in the fourth quarter of fiscal twenty four')
g('FY2025Q1','revenue','data_center','gaap','actual',1126,'usd_m','extra','data center revenue was 1.126 billion dollars')
g('FY2025Q1','revenue','automotive','gaap','actual',548,'usd_m','extra','automotive was 548 million dollars')
g('FY2025Q1','revenue','industrial_and_consumer','gaap','actual',510,'usd_m','extra','industrial and consumer was 510 million dollars')
g('FY2024Q1','revenue','data_center','gaap','actual',894,'usd_m','extra','that compares with eight hundred ninety four million dollars in the first quarter of last fiscal year')
g('FY2025Q1','gross_margin','total','gaap','actual',57.2,'pct','core','gap gross margin was fifty seven point two percent')
g('FY2025Q1','gross_margin','total','non_gaap','actual',60.4,'pct','core','non gap gross margin was sixty point four percent')
g('FY2025Q1','operating_expenses','total','non_gaap','actual',655,'usd_m','extra','non gap operating expenses were six hundred fifty five million dollars')
g('FY2025Q1','operating_income','total','gaap','actual',398,'usd_m','core','gap operating income was three hundred ninety eight million dollars')
g('FY2025Q1','operating_margin','total','gaap','actual',18.2,'pct','extra','three hundred ninety eight million dollars or eighteen point two percent of revenue')
g('FY2025Q1','operating_income','total','non_gaap','actual',664,'usd_m','core','non gap operating income was six hundred sixty four million dollars')
g('FY2025Q1','operating_margin','total','non_gaap','actual',30.4,'pct','core','six hundred sixty four million dollars or thirty point four percent of revenue')
g('FY2025Q1','net_income','total','gaap','actual',341,'usd_m','core','gap net income was 341 million dollars')
g('FY2025Q1','eps_diluted','total','gaap','actual',1.21,'usd','core','or a dollar twenty one per diluted share')
g('FY2025Q1','net_income','total','non_gaap','actual',571,'usd_m','core','non gap net income was five hundred seventy one million dollars')
g('FY2025Q1','eps_diluted','total','non_gaap','actual',2.03,'usd','core','non gap e p s was two dollars and three cents')
g('FY2024Q1','eps_diluted','total','non_gaap','actual',1.76,'usd','core','compared with a dollar seventy six in the year ago quarter')
g('FY2025Q1','tax_rate','total','non_gaap','actual',13.5,'pct','extra','our non gap tax rate was thirteen point five percent')
g('FY2025Q1','cash_investments','total','none','actual',4870,'usd_m','extra','cash and short term investments ended at four point eight seven billion dollars')
g('FY2025Q1','dso','total','none','actual',47,'days','extra','d s o was forty seven days')
g('FY2025Q1','operating_cash_flow','total','none','actual',612,'usd_m','extra','cash from operations was six hundred and twelve million dollars')
g('FY2025Q1','capex','total','none','actual',97,'usd_m','extra','cap ex was ninety seven million dollars')
g('FY2025Q1','headcount','total','none','actual',21400,'count','extra','our twenty one thousand four hundred employees')
gg('FY2025Q2','revenue','total','gaap',2125,2275,'usd_m','core','we expect revenue of two point two zero billion dollars plus or minus seventy five million')
gg('FY2025Q2','gross_margin','total','non_gaap',59.5,61.5,'pct','core','we expect non gap gross margin of sixty point five percent plus or minus one percentage point')
gg('FY2025Q2','operating_expenses','total','non_gaap',660,660,'usd_m','extra','non gap operating expenses of about six hundred sixty million dollars')
gg('FY2025Q2','eps_diluted','total','non_gaap',1.95,2.15,'usd','core','non gap e p s of two dollars and five cents plus or minus ten cents')
gg('FY2025Q2','tax_rate','total','non_gaap',13,13,'pct','extra','we expect a non gap tax rate of about thirteen percent')
gg('2025FY','capex','total','none',400,400,'usd_m','extra','we now expect capital expenditures of approximately four hundred million dollars')
t=d.save(T,newline=False); print(len(t),len(d.rows))
