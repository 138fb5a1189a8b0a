from lib import *
d = Doc('holdout', '03_quaystone_q1_2025_shareholder_letter.md')
C=['FY24 Q1','FY24 Q2','FY24 Q3','FY24 Q4','FY25 Q1']; P=['2024Q1','2024Q2','2024Q3','2024Q4','2025Q1']
rev=[2412.5,2486.9,2571.0,2655.8,2702.4]; oi=[553.0,604.3,650.5,611.0,716.1]; ni=[402.6,448.1,491.7,455.9,540.2]
dsh=[435.2,434.0,432.8,431.6,430.1]; om=[round(100*a/b,1) for a,b in zip(oi,rev)]; eps=[round(a/b+1e-9,2) for a,b in zip(ni,dsh)]
mem=[61.2,62.0,63.4,65.1,66.0]; ocf=[512.4,388.0,455.6,602.1,598.3]; capex=[41.2,46.8,39.9,55.0,44.7]; fcf=[round(a-b,1) for a,b in zip(ocf,capex)]
fy_rev=round(sum(rev[:4]),1); fy_oi=round(sum(oi[:4]),1); fy_om=round(100*fy_oi/fy_rev,1)
print(om,eps,fy_rev,fy_oi,fy_om)
assert om==[22.9,24.3,25.3,23.0,26.5] and eps==[0.93,1.03,1.14,1.06,1.26] and fy_om==23.9
assert round(100*(rev[4]/rev[0]-1))==12 and round(100*750/2780,1)==27.0 and round(566/429,2)==1.32
arm=[round(rev[i]/((mem[i]+(mem[i-1] if i else 60.4))/2)/3,2) for i in range(5)]
print(arm); assert round(100*(arm[4]/arm[0]-1))==4
L=d.p
L('# Quaystone Media: First Quarter 2025 Letter to Shareholders'); L('')
L('*April 22, 2025*'); L('')
L('Dear fellow shareholders,'); L('')
L(f'We had a strong start to 2025. Revenue grew 12% year over year to \\${rev[4]:,.1f} million in the first quarter, ahead of our forecast of \\$2,680 million, driven by membership growth, our price change in the US and Canada, and advertising. Operating income was \\${oi[4]} million, and our operating margin was {om[4]}%, up 3.6 percentage points from {om[0]}% in the first quarter of 2024. Diluted EPS was \\${eps[4]:.2f}, compared with \\${eps[0]:.2f} a year ago. We ended the quarter with 66.0 million paid memberships, adding 0.9 million in the quarter.'); L('')
assert round(om[4]-om[0],1)==3.6
L('Our fiscal year is the calendar year; in the tables below, "FY25 Q1" is the quarter ended March 31, 2025.'); L('')
L('## Our results and forecast'); L('')
L('*(in millions of US dollars, except per-share data, memberships and percentages)*'); L('')
L('| | ' + ' | '.join(C) + ' | FY25 Q2 Forecast |'); L('|---|' + '---:|'*6)
L('| Revenue | ' + ' | '.join(f'\\${x:,.1f}' for x in rev) + ' | \\$2,780 |')
L('| Y/Y growth | 9.8% | 10.4% | 11.2% | 11.9% | 12.0% | 11.8% |')
L('| Operating income | ' + ' | '.join(f'\\${x:,.1f}' for x in oi) + ' | \\$750 |')
L('| Operating margin | ' + ' | '.join(f'{x:.1f}%' for x in om) + ' | 27.0% |')
L('| Net income | ' + ' | '.join(f'\\${x:,.1f}' for x in ni) + ' | \\$566 |')
L('| Diluted EPS | ' + ' | '.join(f'\\${x:.2f}' for x in eps) + ' | \\$1.32 |')
L('| Paid memberships at quarter end (millions) | ' + ' | '.join(f'{x:.1f}' for x in mem) + ' | |')
L('| Average monthly revenue per membership (ARM) | ' + ' | '.join(f'\\${x:.2f}' for x in arm) + ' | |')
L('| Net cash provided by operating activities | ' + ' | '.join(f'\\${x:,.1f}' for x in ocf) + ' | |')
L('| Capital expenditures | ' + ' | '.join(f'({x:.1f})' for x in capex) + ' | |')
L('| Free cash flow | ' + ' | '.join(f'\\${x:,.1f}' for x in fcf) + ' | |')
L('| Diluted shares (millions) | ' + ' | '.join(f'{x:.1f}' for x in dsh) + ' | 429.0 |'); L('')
# growth row check
gr=[None,None,None,None,round(100*(rev[4]/rev[0]-1),1)]; assert gr[4]==12.0
L('## Q1 review'); L('')
L(f'**Revenue.** First-quarter revenue was \\${rev[4]:,.1f} million, up 2% sequentially from \\${rev[3]:,.1f} million in the fourth quarter. Advertising revenue roughly doubled year over year from a small base, and the ad-supported plan accounted for 55% of sign-ups in the markets where it is offered. ARM rose 4% year over year on a reported basis; in February we raised the price of our standard plan by \\$1 per month to \\$17.99 in the US.'); L('')
assert round(100*(rev[4]/rev[3]-1))==2
L(f'**Profitability.** Operating income of \\${oi[4]} million was \\$36 million above our forecast, reflecting higher revenue and the timing of marketing spend, which we now expect to be weighted toward the second half. Our effective tax rate was 14.8%. Net income was \\${ni[4]} million.'); L('')
L(f'**Cash flow and balance sheet.** Net cash provided by operating activities was \\${ocf[4]} million, and free cash flow was \\${fcf[4]} million. We ended the quarter with \\$6.41 billion of cash and short-term investments and \\$14.0 billion of gross debt. We repurchased 2.1 million shares for \\$1.2 billion in the quarter, and our board added \\$15 billion to our repurchase authorization. Deferred revenue was \\$1.38 billion at quarter end. We had approximately 13,800 full-time employees at March 31, 2025.'); L('')
L('## Forecast'); L('')
L('For the second quarter of 2025, we forecast revenue of \\$2,780 million, up 11.8% year over year, operating income of \\$750 million, an operating margin of 27.0%, and diluted EPS of \\$1.32. Our forecast assumes foreign exchange rates as of the start of April.'); L('')
assert round(100*(2780/rev[1]-1),1)==11.8
L(f'For the full year 2025, we continue to expect revenue of \\$11.2 billion to \\$11.5 billion, which at the midpoint would be growth of about 12% over 2024 revenue of \\${fy_rev:,.1f} million. Given the strength in the first quarter, we now target a 2025 operating margin of 28%, up from our January target of 27% and compared with {fy_om}% in 2024. We expect free cash flow of approximately \\$4 billion, and capital expenditures to stay in the low single digits as a percentage of revenue.'); L('')
assert round(100*(11350/fy_rev-1))==12
L('Over the long term, we continue to aim for double-digit revenue growth and a 35% operating margin as we scale advertising and games, and our goal remains to reach 100 million paid memberships.'); L('')
L('## Product and content'); L('')
L('Our slate this quarter included 41 original series and films across 17 countries. *The Saltmarsh*, our most-watched series of the quarter, was viewed 48.3 million times in its first 91 days, and the live boxing event in March reached 31 million concurrent streams at its peak. We launched games on connected TVs in 12 markets and now have more than 90 titles. Average viewing per member household was roughly 2 hours per day, flat year over year.'); L('')
L('In advertising, we moved our programmatic partnerships in-house and now sell inventory directly in 9 countries. Advertisers can now buy in-stream placements at CPMs starting at \\$25, and more than 2,000 advertisers bought on the platform in the quarter, roughly twice as many as a year ago.'); L('')
L('## Environmental, social and governance'); L('')
L('We published our 2024 ESG report in March. Scope 1 and 2 emissions fell 14% from 2023, and 92% of our electricity came from renewable sources. Our production fund committed \\$50 million to underrepresented creators over five years.'); L('')
L('## Q1 earnings interview'); L('')
L('Our co-CEOs, CFO and VP of Finance will discuss these results in a live video interview at 4:45 p.m. Pacific Time today with analysts from two brokerage firms. Questions submitted by shareholders will be answered during the interview, which will be available on our investor relations website for 30 days.'); L('')
L('Sincerely,'); L(''); L('Helena Voss, Co-CEO · Marcus Tan, Co-CEO · Priyanka Shah, Chief Financial Officer'); L('')
L('---'); L('')
L('*Forward-looking statements: this letter contains forward-looking statements, including our forecasts for the second quarter and full year 2025, operating margin targets, free cash flow, paid memberships and advertising growth, which are subject to risks and uncertainties described in our most recent Form 10-K. Actual results may differ materially. We use free cash flow, a non-GAAP measure, which we define as net cash provided by operating activities less capital expenditures.*')
g,gg=d.g,d.gg
def tq(l,i): return f'({l}, results and forecast table, {C[i]})'
for i in range(4):
    g(P[i],'revenue','total','gaap','actual',rev[i],'usd_m','core' if i in (0,3) else 'extra',tq('Revenue',i))
    g(P[i],'operating_income','total','gaap','actual',oi[i],'usd_m','extra',tq('Operating income',i))
    g(P[i],'operating_margin','total','gaap','actual',om[i],'pct','extra',tq('Operating margin',i))
    g(P[i],'net_income','total','gaap','actual',ni[i],'usd_m','extra',tq('Net income',i))
    g(P[i],'eps_diluted','total','gaap','actual',eps[i],'usd','core' if i in (0,3) else 'extra',tq('Diluted EPS',i))
for i in range(5):
    g(P[i],'operating_cash_flow','total','none','actual',ocf[i],'usd_m','extra',tq('Net cash provided by operating activities',i))
    g(P[i],'capex','total','none','actual',capex[i],'usd_m','extra',tq('Capital expenditures',i))
g('2025Q1','revenue','total','gaap','actual',rev[4],'usd_m','core',f'Revenue grew 12% year over year to ${rev[4]:,.1f} million in the first quarter')
g('2025Q1','operating_income','total','gaap','actual',oi[4],'usd_m','core',f'Operating income was ${oi[4]} million')
g('2025Q1','operating_margin','total','gaap','actual',om[4],'pct','core',f'our operating margin was {om[4]}%, up 3.6 percentage points from {om[0]}% in the first quarter of 2024')
g('2025Q1','net_income','total','gaap','actual',ni[4],'usd_m','core',f'Net income was ${ni[4]} million')
g('2025Q1','eps_diluted','total','gaap','actual',eps[4],'usd','core',f'Diluted EPS was ${eps[4]:.2f}, compared with ${eps[0]:.2f} a year ago')
g('2025Q1','tax_rate','total','gaap','actual',14.8,'pct','extra','Our effective tax rate was 14.8%')
g('2025Q1','cash_investments','total','none','actual',6410,'usd_m','extra','We ended the quarter with $6.41 billion of cash and short-term investments')
g('2025Q1','deferred_revenue','total','none','actual',1380,'usd_m','extra','Deferred revenue was $1.38 billion at quarter end')
g('2025Q1','headcount','total','none','actual',13800,'count','extra','We had approximately 13,800 full-time employees at March 31, 2025')
g('2024FY','revenue','total','gaap','actual',fy_rev,'usd_m','extra',f'over 2024 revenue of ${fy_rev:,.1f} million')
g('2024FY','operating_margin','total','gaap','actual',fy_om,'pct','extra',f'compared with {fy_om}% in 2024')
gg('2025Q2','revenue','total','gaap',2780,2780,'usd_m','core','For the second quarter of 2025, we forecast revenue of $2,780 million')
gg('2025Q2','operating_income','total','gaap',750,750,'usd_m','core','operating income of $750 million')
gg('2025Q2','operating_margin','total','gaap',27.0,27.0,'pct','core','an operating margin of 27.0%')
gg('2025Q2','net_income','total','gaap',566,566,'usd_m','extra','(Net income, results and forecast table, FY25 Q2 Forecast)')
gg('2025Q2','eps_diluted','total','gaap',1.32,1.32,'usd','core','and diluted EPS of $1.32')
gg('2025FY','revenue','total','gaap',11200,11500,'usd_m','core','we continue to expect revenue of $11.2 billion to $11.5 billion')
gg('2025FY','operating_margin','total','gaap',28,28,'pct','core','we now target a 2025 operating margin of 28%, up from our January target of 27%')
t=d.save(); print(len(t),len(d.rows))
