from lib import *
d = Doc('dev', '03_brannock_q1fy25_10q_mdna.md')
prod=[318.4,301.2]; svc=[142.7,131.5]; rev=[round(a+b,1) for a,b in zip(prod,svc)]
ai=[274.9,262.0]; pc=[186.2,170.7]; assert [round(a+b,1) for a,b in zip(ai,pc)]==rev
cor=[205.6,199.4]; gp=[round(r-c,1) for r,c in zip(rev,cor)]
rd=[48.2,45.9]; sga=[121.7,116.8]; am=[6.3,6.6]; opx=[round(a+b+c,1) for a,b,c in zip(rd,sga,am)]
oi=[round(a-b,1) for a,b in zip(gp,opx)]; oth=[-3.4,-5.1]; pt=[round(a+b,1) for a,b in zip(oi,oth)]
tax=[15.6,12.4]; ni=[round(a-b,1) for a,b in zip(pt,tax)]; dsh=[58.3,59.1]; bsh=[57.6,58.4]
eps=[round(n/s,2) for n,s in zip(ni,dsh)]; beps=[round(n/s,2) for n,s in zip(ni,bsh)]
gm=[round(100*a/b,1) for a,b in zip(gp,rev)]; om=[round(100*a/b,1) for a,b in zip(oi,rev)]; etr=[round(100*a/b,1) for a,b in zip(tax,pt)]
soi_ai=[58.6,50.2]; soi_pc=[33.9,27.1]; corp=[-13.2,-13.3]
assert [round(a+b+c,1) for a,b,c in zip(soi_ai,soi_pc,corp)]==oi
som_ai=[round(100*a/b,1) for a,b in zip(soi_ai,ai)]; som_pc=[round(100*a/b,1) for a,b in zip(soi_pc,pc)]
print(rev,gp,gm,opx,oi,om,pt,ni,eps,beps,etr,som_ai,som_pc)
def ch(a,b): return f'{a-b:,.1f}' if a>=b else f'({b-a:,.1f})'
def pc_(a,b): x=100*(a-b)/abs(b); return f'{x:.1f}%' if x>=0 else f'({-x:.1f})%'
L=d.p
L('# Brannock Instruments, Inc.'); L(''); L('## Quarterly Report on Form 10-Q for the quarterly period ended September 30, 2024'); L('')
L('*Excerpt: Part I, Item 2.*'); L('')
L("### Item 2. Management's Discussion and Analysis of Financial Condition and Results of Operations"); L('')
L("The following discussion should be read together with our condensed consolidated financial statements and related notes included in Part I, Item 1 of this Quarterly Report on Form 10-Q and with our Annual Report on Form 10-K for the fiscal year ended June 30, 2024 (the \"2024 Form 10-K\"). Our fiscal year ends on June 30. References to \"fiscal 2025\" are to the fiscal year ending June 30, 2025, and references to the \"first quarter of fiscal 2025\" are to the three months ended September 30, 2024. This discussion contains forward-looking statements that involve risks and uncertainties; see \"Cautionary Note Regarding Forward-Looking Statements\" and Part II, Item 1A, \"Risk Factors.\""); L('')
L('#### Overview'); L('')
L("Brannock Instruments designs and manufactures analytical instruments, process control systems and related software and services for the pharmaceutical, chemical, semiconductor and food safety markets. We report two segments: Analytical Instruments and Process Control. Our products are sold through a direct sales force and distributors in more than 70 countries."); L('')
L("In the first quarter of fiscal 2025, revenue increased 6.6% to \\$461.1 million from \\$432.7 million in the first quarter of fiscal 2024, driven by higher shipments of our XR-7 spectrometer platform and growth in service contracts. Foreign currency exchange rates had an unfavorable impact of approximately 1.1% on revenue. Operating income was \\$79.3 million, compared with \\$64.0 million, and diluted earnings per share were \\$1.03, compared with \\$0.79 in the prior-year period."); L('')
L('#### Results of Operations'); L('')
L('**Three Months Ended September 30, 2024 Compared with Three Months Ended September 30, 2023**'); L('')
L('*(in millions, except percentages)*'); L('')
L('| | Three Months Ended September 30, 2024 | Three Months Ended September 30, 2023 | \\$ Change | % Change |'); L('|---|---:|---:|---:|---:|')
def row(lbl,v,dollar=False,pct=True):
    s='\\$' if dollar else ''
    L(f'| {lbl} | {s}{f(v[0])} | {s}{f(v[1])} | {ch(v[0],v[1])} | {pc_(v[0],v[1]) if pct else ""} |')
row('Products',prod,True); row('Services',svc); row('**Total revenue**',rev,True); row('Cost of revenue',cor); row('**Gross profit**',gp)
L(f'| *Gross margin* | {gm[0]}% | {gm[1]}% | | |')
row('Research and development',rd); row('Selling, general and administrative',sga); row('Amortization of intangible assets',am); row('**Total operating expenses**',opx)
row('**Operating income**',oi)
L(f'| *Operating margin* | {om[0]}% | {om[1]}% | | |')
row('Other income (expense), net',oth,pct=False); row('Income before income taxes',pt); row('Provision for income taxes',tax)
L(f'| *Effective tax rate* | {etr[0]}% | {etr[1]}% | | |')
row('**Net income**',ni,True); L(f'| Diluted earnings per share | \\${eps[0]:.2f} | \\${eps[1]:.2f} | 0.24 | 30.4% |')
assert pc_(eps[0],eps[1])=='30.4%'
L(''); L('*Revenue.* Product revenue increased \\$17.2 million, or 5.7%, primarily due to higher volumes of the XR-7 platform in pharmaceutical quality control, partially offset by lower shipments to semiconductor customers. The average selling price of an XR-7 system increased to approximately \\$182,000 per unit from \\$176,000. Service revenue increased \\$11.2 million, or 8.5%, reflecting a larger installed base under contract and price increases. Revenue from customers outside the United States represented 58% of total revenue, compared with 56%.'); L('')
assert ch(prod[0],prod[1])=='17.2' and pc_(prod[0],prod[1])=='5.7%' and ch(svc[0],svc[1])=='11.2' and pc_(svc[0],svc[1])=='8.5%'
L(f'*Gross margin.* Gross margin was {gm[0]}% in the first quarter of fiscal 2025, compared with {gm[1]}% in the first quarter of fiscal 2024. The improvement of 150 basis points reflects favorable product mix, pricing and lower freight costs.'); L('')
L(f'*Operating expenses.* Total operating expenses were \\${opx[0]} million, an increase of \\$6.9 million, or 4.1%, from \\${opx[1]} million. Research and development expense increased to \\$48.2 million, representing 10.5% of revenue. Selling, general and administrative expense increased \\$4.9 million, primarily due to higher commissions and the annual merit increase.'); L('')
assert round(opx[0]-opx[1],1)==6.9 and pc_(opx[0],opx[1])=='4.1%' and round(100*rd[0]/rev[0],1)==10.5
L(f'*Operating income.* Operating income increased 23.9% to \\${oi[0]} million, and operating margin expanded to {om[0]}% from {om[1]}%.'); L('')
assert pc_(oi[0],oi[1])=='23.9%'
L(f'*Income taxes.* Our effective tax rate was {etr[0]}% for the three months ended September 30, 2024, compared with {etr[1]}% for the three months ended September 30, 2023. The decrease reflects excess tax benefits from stock-based compensation. We currently expect our effective tax rate for fiscal 2025 to be between 19% and 21%, excluding discrete items.'); L('')
L('#### Segment Results'); L('')
L('We evaluate segment performance based on revenue and segment operating income, which excludes corporate expenses that are not allocated to the segments.'); L('')
L('| (in millions) | Q1 FY2025 | Q1 FY2024 | % Change |'); L('|---|---:|---:|---:|')
L('| **Revenue** | | | |')
L(f'| Analytical Instruments | \\${ai[0]} | \\${ai[1]} | {pc_(ai[0],ai[1])} |'); L(f'| Process Control | {pc[0]} | {pc[1]} | {pc_(pc[0],pc[1])} |'); L(f'| Total revenue | \\${rev[0]} | \\${rev[1]} | {pc_(rev[0],rev[1])} |')
L('| **Segment operating income** | | | |')
L(f'| Analytical Instruments | \\${soi_ai[0]} | \\${soi_ai[1]} | {pc_(soi_ai[0],soi_ai[1])} |'); L(f'| Process Control | {soi_pc[0]} | {soi_pc[1]} | {pc_(soi_pc[0],soi_pc[1])} |')
L(f'| Corporate and unallocated | {f(corp[0])} | {f(corp[1])} | |'); L(f'| Total operating income | \\${oi[0]} | \\${oi[1]} | {pc_(oi[0],oi[1])} |')
L('| **Segment operating margin** | | | |')
L(f'| Analytical Instruments | {som_ai[0]}% | {som_ai[1]}% | |'); L(f'| Process Control | {som_pc[0]}% | {som_pc[1]}% | |'); L('')
L(f'*Analytical Instruments.* Revenue increased {pc_(ai[0],ai[1])} to \\${ai[0]} million, and segment operating income was \\${soi_ai[0]} million, or {som_ai[0]}% of segment revenue, compared with \\${soi_ai[1]} million, or {som_ai[1]}%, a year ago.'); L('')
L(f'*Process Control.* Revenue increased {pc_(pc[0],pc[1])} to \\${pc[0]} million on strong demand from chemical and food safety customers. Segment operating income was \\${soi_pc[0]} million, or {som_pc[0]}% of segment revenue, compared with \\${soi_pc[1]} million, or {som_pc[1]}%.'); L('')
L('#### Backlog'); L('')
L('Backlog, which consists of firm orders for products and services that have not yet been delivered or performed, was \\$1,124.5 million at September 30, 2024, compared with \\$1,046.0 million at June 30, 2024. We expect to deliver approximately 70% of our backlog within the next twelve months. Remaining performance obligations, which also include multi-year service contracts, were \\$1.31 billion at September 30, 2024.'); L('')
L('#### Liquidity and Capital Resources'); L('')
L('Cash, cash equivalents and short-term investments totaled \\$606.3 million at September 30, 2024, compared with \\$607.8 million at June 30, 2024. Of this amount, \\$212.4 million was held by our foreign subsidiaries. We also have a \\$500 million revolving credit facility, of which no amount was outstanding at September 30, 2024. Our \\$400.0 million of 4.25% senior notes are due in 2029.'); L('')
L('| (in millions) | Three Months Ended September 30, 2024 | Three Months Ended September 30, 2023 |'); L('|---|---:|---:|')
L('| Net cash provided by operating activities | \\$71.8 | \\$52.4 |'); L('| Net cash used in investing activities | (44.6) | (21.9) |'); L('| Net cash used in financing activities | (58.3) | (47.2) |'); L('')
L('*Operating activities.* Cash provided by operating activities was \\$71.8 million in the first quarter of fiscal 2025, compared with \\$52.4 million in the first quarter of fiscal 2024, reflecting higher net income and improved collections. Days sales outstanding were 63 days at September 30, 2024, compared with 60 days at June 30, 2024.'); L('')
L('*Investing activities.* Capital expenditures were \\$19.6 million, compared with \\$17.3 million in the prior-year period, and net purchases of short-term investments were \\$25.0 million. We expect capital expenditures for fiscal 2025 to be approximately \\$85 million, primarily for the expansion of our Penang manufacturing facility.'); L('')
L('*Financing activities.* During the quarter we repurchased 0.4 million shares of our common stock for \\$44.1 million, at an average price of \\$110.25 per share, and paid dividends of \\$15.0 million, or \\$0.26 per share. As of September 30, 2024, \\$355.9 million remained available under our share repurchase program. Weighted-average diluted shares outstanding were 58.3 million.'); L('')
assert abs(0.4*110.25-44.1)<0.01
L('*Deferred revenue.* Deferred revenue, which consists primarily of prepaid service contracts, was \\$182.1 million at September 30, 2024, compared with \\$176.4 million at June 30, 2024.'); L('')
L('#### Critical Accounting Estimates'); L('')
L('There have been no material changes to our critical accounting estimates from those described in the 2024 Form 10-K. A hypothetical 10% change in the discount rate used in our most recent goodwill impairment test would not have resulted in an impairment of either reporting unit, each of which had a fair value exceeding its carrying value by more than 35%.'); L('')
L('### Item 3. Quantitative and Qualitative Disclosures About Market Risk'); L('')
L('Our exposure to market risk has not changed materially since June 30, 2024. A hypothetical 100 basis point increase in interest rates would change the fair value of our short-term investments by approximately \\$1.2 million. A hypothetical 10% adverse change in foreign currency exchange rates would have reduced first-quarter revenue by approximately \\$26 million.'); L('')
L('### Item 4. Controls and Procedures'); L('')
L('Our chief executive officer and chief financial officer concluded that our disclosure controls and procedures were effective as of September 30, 2024. There were no changes in our internal control over financial reporting during the quarter ended September 30, 2024 that materially affected, or are reasonably likely to materially affect, our internal control over financial reporting.')
g,gg=d.g,d.gg
P=['FY2025Q1','FY2024Q1']; rp=['three months 2024','three months 2023']
def tq(l,i,t='results of operations table'): return f'({l}, {t}, {rp[i]})'
g('FY2025Q1','revenue','total','gaap','actual',461.1,'usd_m','core','revenue increased 6.6% to $461.1 million from $432.7 million in the first quarter of fiscal 2024')
g('FY2024Q1','revenue','total','gaap','actual',432.7,'usd_m','core','revenue increased 6.6% to $461.1 million from $432.7 million in the first quarter of fiscal 2024')
for i in range(2):
    g(P[i],'revenue','product','gaap','actual',prod[i],'usd_m','extra',tq('Products',i))
    g(P[i],'revenue','service','gaap','actual',svc[i],'usd_m','extra',tq('Services',i))
    g(P[i],'revenue','analytical_instruments','gaap','actual',ai[i],'usd_m','extra',tq('Analytical Instruments',i,'segment table'))
    g(P[i],'revenue','process_control','gaap','actual',pc[i],'usd_m','extra',tq('Process Control',i,'segment table'))
    g(P[i],'operating_income','analytical_instruments','gaap','actual',soi_ai[i],'usd_m','extra',tq('Segment operating income, Analytical Instruments',i,'segment table'))
    g(P[i],'operating_income','process_control','gaap','actual',soi_pc[i],'usd_m','extra',tq('Segment operating income, Process Control',i,'segment table'))
    g(P[i],'operating_margin','analytical_instruments','gaap','actual',som_ai[i],'pct','extra',tq('Segment operating margin, Analytical Instruments',i,'segment table'))
    g(P[i],'operating_margin','process_control','gaap','actual',som_pc[i],'pct','extra',tq('Segment operating margin, Process Control',i,'segment table'))
    g(P[i],'gross_profit','total','gaap','actual',gp[i],'usd_m','extra',tq('Gross profit',i))
    g(P[i],'operating_expenses','total','gaap','actual',opx[i],'usd_m','extra',tq('Total operating expenses',i))
    g(P[i],'net_income','total','gaap','actual',ni[i],'usd_m','core' if i==0 else 'extra',tq('Net income',i))
    g(P[i],'operating_margin','total','gaap','actual',om[i],'pct','extra',f'operating margin expanded to {om[0]}% from {om[1]}%')
    g(P[i],'tax_rate','total','gaap','actual',etr[i],'pct','extra',f'Our effective tax rate was {etr[0]}% for the three months ended September 30, 2024, compared with {etr[1]}%')
g('FY2025Q1','gross_margin','total','gaap','actual',gm[0],'pct','core',f'Gross margin was {gm[0]}% in the first quarter of fiscal 2025')
g('FY2024Q1','gross_margin','total','gaap','actual',gm[1],'pct','extra',f'compared with {gm[1]}% in the first quarter of fiscal 2024')
g('FY2025Q1','operating_income','total','gaap','actual',79.3,'usd_m','core','Operating income was $79.3 million, compared with $64.0 million')
g('FY2024Q1','operating_income','total','gaap','actual',64.0,'usd_m','extra','Operating income was $79.3 million, compared with $64.0 million')
g('FY2025Q1','eps_diluted','total','gaap','actual',1.03,'usd','core','diluted earnings per share were $1.03, compared with $0.79 in the prior-year period')
g('FY2024Q1','eps_diluted','total','gaap','actual',0.79,'usd','core','diluted earnings per share were $1.03, compared with $0.79 in the prior-year period')
g('FY2025Q1','backlog','total','none','actual',1124.5,'usd_m','extra','was $1,124.5 million at September 30, 2024, compared with $1,046.0 million at June 30, 2024')
g('FY2024Q4','backlog','total','none','actual',1046.0,'usd_m','extra','was $1,124.5 million at September 30, 2024, compared with $1,046.0 million at June 30, 2024')
g('FY2025Q1','cash_investments','total','none','actual',606.3,'usd_m','extra','Cash, cash equivalents and short-term investments totaled $606.3 million at September 30, 2024')
g('FY2024Q4','cash_investments','total','none','actual',607.8,'usd_m','extra','compared with $607.8 million at June 30, 2024')
g('FY2025Q1','operating_cash_flow','total','none','actual',71.8,'usd_m','extra','Cash provided by operating activities was $71.8 million in the first quarter of fiscal 2025')
g('FY2024Q1','operating_cash_flow','total','none','actual',52.4,'usd_m','extra','compared with $52.4 million in the first quarter of fiscal 2024')
g('FY2025Q1','capex','total','none','actual',19.6,'usd_m','extra','Capital expenditures were $19.6 million, compared with $17.3 million in the prior-year period')
g('FY2024Q1','capex','total','none','actual',17.3,'usd_m','extra','Capital expenditures were $19.6 million, compared with $17.3 million in the prior-year period')
g('FY2025Q1','dso','total','none','actual',63,'days','extra','Days sales outstanding were 63 days at September 30, 2024')
g('FY2024Q4','dso','total','none','actual',60,'days','extra','compared with 60 days at June 30, 2024')
g('FY2025Q1','deferred_revenue','total','none','actual',182.1,'usd_m','extra','Deferred revenue, which consists primarily of prepaid service contracts, was $182.1 million at September 30, 2024')
g('FY2024Q4','deferred_revenue','total','none','actual',176.4,'usd_m','extra','compared with $176.4 million at June 30, 2024')
gg('2025FY','tax_rate','total','gaap',19,21,'pct','core','We currently expect our effective tax rate for fiscal 2025 to be between 19% and 21%')
gg('2025FY','capex','total','none',85,85,'usd_m','core','We expect capital expenditures for fiscal 2025 to be approximately $85 million')
t=d.save(); print(len(t),len(d.rows))
