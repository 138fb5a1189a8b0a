from lib import *
d = Doc('dev', '01_quillon_q2fy25_pdf_release.txt')
P = ['FY2025Q2', 'FY2024Q2', 'FY2025H1', 'FY2024H1']
sw  = [412.6, 361.3, 810.7, 711.5]
edge= [287.9, 301.4, 558.1, 590.9]
rev = [round(a+b,1) for a,b in zip(sw, edge)]
assert rev == [700.5, 662.7, 1368.8, 1302.4]
q1 = (398.1, 270.2); assert round(sw[0]+q1[0],1)==sw[2] and round(edge[0]+q1[1],1)==edge[2]
cor = [289.1, 286.4, 566.0, 565.2]
gp = [round(r-c,1) for r,c in zip(rev,cor)]
rd=[142.3,138.0,281.9,272.5]; sm=[118.6,112.4,233.0,221.8]; ga=[51.2,48.7,100.9,96.1]; rs=[9.8,0,9.8,0]
opx=[round(a+b+c+e,1) for a,b,c,e in zip(rd,sm,ga,rs)]
oi=[round(a-b,1) for a,b in zip(gp,opx)]
oth=[6.4,-2.1,11.9,-3.5]
pt=[round(a+b,1) for a,b in zip(oi,oth)]
tax=[17.3,14.6,34.9,27.4]
ni=[round(a-b,1) for a,b in zip(pt,tax)]
bsh=[140.9,143.0,141.3,143.4]; dsh=[142.8,145.1,143.2,145.6]
beps=[round(n/s,2) for n,s in zip(ni,bsh)]; deps=[round(n/s+1e-9,2) for n,s in zip(ni,dsh)]
print(gp,opx,oi,pt,ni,beps,deps)
gm=[round(100*g/r,1) for g,r in zip(gp,rev)]; om=[round(100*o/r,1) for o,r in zip(oi,rev)]
print(gm, om, round(100*tax[0]/pt[0],1))
# reconciliation (three months)
sbc_c=[4.1,3.8]; sbc_o=[34.3,31.3]; am_c=[3.2,3.4]; am_o=[4.4,4.6]; rsq=[9.8,0]; taxeff=[-11.2,-8.9]
agp=[round(gp[i]+sbc_c[i]+am_c[i],1) for i in range(2)]
aopx=[round(opx[i]-sbc_o[i]-am_o[i]-rsq[i],1) for i in range(2)]
aoi=[round(agp[i]-aopx[i],1) for i in range(2)]
assert aoi[0]==round(oi[0]+sbc_c[0]+sbc_o[0]+am_c[0]+am_o[0]+rsq[0],1)
ani=[round(ni[i]+sbc_c[i]+sbc_o[i]+am_c[i]+am_o[i]+rsq[i]+taxeff[i],1) for i in range(2)]
aeps=[round(ani[i]/dsh[i],2) for i in range(2)]
agm=[round(100*agp[i]/rev[i],1) for i in range(2)]; aom=[round(100*aoi[i]/rev[i],1) for i in range(2)]
print(agp,aopx,aoi,ani,aeps,agm,aom)
assert (gm[0],gm[1],om[0],om[1])==(58.7,56.8,12.8,11.6) and (agm,aom,aeps)==([59.8,57.9],[20.7,18.2],[0.86,0.65])
assert deps[:2]==[0.55,0.42]
ocf=[201.3,168.9]; capex=[38.7,41.2]
cash=[612.4,588.0]; sti=[401.7,377.5]; dr_c=[318.2,331.9]; dr_n=[94.6,102.3]
cashinv=[round(a+b,1) for a,b in zip(cash,sti)]; print(cashinv)

L = d.p
L('Quillon Systems, Inc.'); L('Press Release'); L('')
L('Quillon Systems Reports Second Quarter Fiscal 2025 Financial Results'); L('')
L('• Revenue of $700.5 million, up 6% year over year')
L('• GAAP diluted EPS of $0.55; adjusted diluted EPS of $0.86')
L('• Raises fiscal 2025 revenue and adjusted EPS outlook'); L('')
d.wrap('SAN JOSE, Calif., August 27, 2024 -- Quillon Systems, Inc. (NASDAQ: QLN), a provider of edge computing platforms and software for industrial and retail networks, today reported financial results for its second quarter of fiscal 2025, which ended July 31, 2024.'); L('')
d.wrap('"Our software platforms business crossed $400 million in quarterly revenue for the first time, and customers are standardizing on the Quillon control plane across their edge estates," said Priya Venkataraman, chief executive officer. "Hardware remained soft as customers digested inventory, but we are executing well and raising our outlook for the year."'); L('')
L('Second Quarter Fiscal 2025 Financial Highlights'); L('')
hl = [
 '• Revenue was $700.5 million, compared with $662.7 million in the second quarter of fiscal 2024, an increase of 6%, and up 5% sequentially from $668.3 million in the first quarter of fiscal 2025.',
 '• Software Platforms revenue was $412.6 million, up 14% year over year. Edge Hardware revenue was $287.9 million, down 4% year over year.',
 '• GAAP gross margin was 58.7%, compared with 56.8% in the second quarter of fiscal 2024. Adjusted gross margin was 59.8%, compared with 57.9%.',
 '• GAAP operating income was $89.5 million, or 12.8% of revenue, compared with $77.2 million, or 11.6% of revenue, in the second quarter of fiscal 2024.',
 '• Adjusted operating income was $145.3 million, or 20.7% of revenue, compared with $120.3 million, or 18.2% of revenue, in the second quarter of fiscal 2024.',
 '• GAAP net income was $78.6 million, or $0.55 per diluted share, compared with $60.5 million, or $0.42 per diluted share, in the prior-year period. The effective tax rate was 18.0%.',
 '• Adjusted net income was $123.2 million, or $0.86 per diluted share, compared with $94.7 million, or $0.65 per diluted share, in the second quarter of fiscal 2024.',
 '• Cash flow from operations was $97.6 million and capital expenditures were $19.8 million in the quarter. Cash, cash equivalents and short-term investments were $1,014.1 million as of July 31, 2024, compared with $965.5 million as of January 31, 2024.',
 '• Annualized recurring revenue (ARR) reached $1.18 billion, up 19% year over year, and net revenue retention was 114%.',
]
for h in hl: d.wrap(h); L('')
L('Capital Allocation and Other Business Highlights'); L('')
for h in [
 '• Repurchased 1.1 million shares of common stock for $150.0 million during the quarter; $412 million remains under the current authorization.',
 '• Launched the Q-Series industrial gateway, priced from $1,299 per unit, and signed 38 new customers with more than $1 million in annual recurring revenue.',
 '• Ended the quarter with approximately 5,850 employees, compared with approximately 6,100 a year ago, following the restructuring announced in May.',
]:
    d.wrap(h); L('')
L('Business Outlook'); L('')
d.wrap('Quillon is providing the following guidance for the third quarter of fiscal 2025, ending October 31, 2024:'); L('')
for h in ['• Revenue of $715 million to $735 million','• Adjusted operating margin of 20% to 21%','• Adjusted diluted EPS of $0.86 to $0.90, based on approximately 143 million diluted shares']:
    L(h)
L('')
d.wrap('For the full fiscal year 2025, ending January 31, 2025, Quillon now expects revenue of $2.83 billion to $2.87 billion, compared with its prior outlook of $2.78 billion to $2.84 billion; adjusted operating margin of approximately 20.5%; and adjusted diluted EPS of $3.40 to $3.50, up from $3.30 to $3.42 previously. At the midpoint, the revenue outlook represents growth of approximately 8%. Quillon continues to expect Edge Hardware revenue to grow in the low to mid single digits in the second half, and reiterates its long-term target of an adjusted operating margin of 25% by fiscal 2028.'); L('')
d.wrap('Quillon does not provide a reconciliation of adjusted operating margin or adjusted diluted EPS guidance to the corresponding GAAP measures because certain items, including stock-based compensation and restructuring charges, cannot be estimated without unreasonable effort.'); L('')
L('Conference Call Information'); L('')
d.wrap('Quillon will host a conference call today at 2:00 p.m. Pacific Time (5:00 p.m. Eastern Time). The dial-in number is 1-888-555-0143 (international: +1-412-555-0198), conference ID 4417825. A replay will be available for 30 days.'); L('')
d.wrap('About Quillon Systems: Quillon Systems builds the software and hardware that run computing at the edge, serving more than 4,800 customers in 60 countries.'); L('')
L('Non-GAAP Financial Measures'); L('')
d.wrap('This press release includes adjusted gross profit, adjusted gross margin, adjusted operating expenses, adjusted operating income, adjusted operating margin, adjusted net income and adjusted diluted EPS, which are non-GAAP financial measures. These adjusted measures exclude stock-based compensation, amortization of acquired intangible assets, restructuring charges and the related income tax effects.'); L('')
L('Quillon Systems, Inc. | Q2 FY2025 Results | Page 1 of 4'); L('-more-'); L('')
# statement of operations, one cell per line
T=[]
T+=['QUILLON SYSTEMS, INC.','CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS','(in millions, except per share amounts)','(unaudited)',
    'Three Months Ended','Six Months Ended','July 31,','July 31,','2024','2023','2024','2023','Revenue:']
T+=cells('Software Platforms', sw, dollar=True)
T+=cells('Edge Hardware', edge)
T+=cells('Total revenue', rev, dollar=True)
T+=cells('Cost of revenue', cor)
T+=cells('Gross profit', gp)
T+=['Operating expenses:']
T+=cells('Research and development', rd)+cells('Sales and marketing', sm)+cells('General and administrative', ga)+cells('Restructuring charges', rs)
T+=cells('Total operating expenses', opx)
T+=cells('Operating income', oi)
T+=cells('Interest and other income (expense), net', oth)
T+=cells('Income before income taxes', pt)
T+=cells('Provision for income taxes', tax)
T+=cells('Net income', ni, dollar=True)
T+=['Net income per share:']+cells('Basic', beps, 2, dollar=True)+cells('Diluted', deps, 2, dollar=True)
T+=['Weighted-average shares used in computing net income per share:']+cells('Basic', bsh)+cells('Diluted', dsh)
d.parts+=T; L(''); L('Quillon Systems, Inc. | Q2 FY2025 Results | Page 2 of 4'); L('')
T=['QUILLON SYSTEMS, INC.','CONDENSED CONSOLIDATED BALANCE SHEETS','(in millions)','(unaudited)','July 31,','January 31,','2024','2024','ASSETS','Current assets:']
T+=cells('Cash and cash equivalents',cash,dollar=True)+cells('Short-term investments',sti)+cells('Accounts receivable, net',[402.8,431.6])+cells('Inventories',[188.4,214.9])+cells('Prepaid expenses and other current assets',[96.3,88.1])
tca=[round(sum(x),1) for x in zip(cash,sti,[402.8,431.6],[188.4,214.9],[96.3,88.1])]
T+=cells('Total current assets',tca)
ppe=[171.5,169.2]; gw=[842.0,842.0]; intg=[96.7,112.7]; oth_a=[143.9,139.8]
ta=[round(a+b+c+e+h,1) for a,b,c,e,h in zip(tca,ppe,gw,intg,oth_a)]
T+=cells('Property and equipment, net',ppe)+cells('Goodwill',gw)+cells('Intangible assets, net',intg)+cells('Other assets',oth_a)+cells('Total assets',ta,dollar=True)
ap=[121.4,138.7]; accr=[244.9,262.5]
tcl=[round(a+b+c,1) for a,b,c in zip(ap,accr,dr_c)]
T+=['LIABILITIES AND STOCKHOLDERS\u2019 EQUITY','Current liabilities:']+cells('Accounts payable',ap,dollar=True)+cells('Accrued liabilities',accr)+cells('Deferred revenue, current',dr_c)+cells('Total current liabilities',tcl)
ltd=[497.2,496.8]; ol=[88.1,91.4]
tl=[round(a+b+c+e,1) for a,b,c,e in zip(tcl,dr_n,ltd,ol)]
eq=[round(a-b,1) for a,b in zip(ta,tl)]
T+=cells('Deferred revenue, non-current',dr_n)+cells('Long-term debt',ltd)+cells('Other long-term liabilities',ol)+cells('Total liabilities',tl)+cells('Total stockholders\u2019 equity',eq)+cells('Total liabilities and stockholders\u2019 equity',ta,dollar=True)
d.parts+=T; L('')
T=['QUILLON SYSTEMS, INC.','CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS','(in millions)','(unaudited)','Six Months Ended','July 31,','2024','2023']
T+=cells('Net cash provided by operating activities',ocf,dollar=True)+cells('Capital expenditures',[-c for c in capex])+cells('Purchases of investments, net',[-24.2,-31.0])+cells('Net cash used in investing activities',[round(-c-x,1) for c,x in zip(capex,[24.2,31.0])])
T+=cells('Repurchases of common stock',[-210.4,-95.0])+cells('Net cash used in financing activities',[-197.3,-81.6])
d.parts+=T; L(''); L('Quillon Systems, Inc. | Q2 FY2025 Results | Page 3 of 4'); L('')
T=['QUILLON SYSTEMS, INC.','RECONCILIATION OF GAAP TO ADJUSTED (NON-GAAP) FINANCIAL MEASURES','(in millions, except percentages and per share amounts)','(unaudited)','Three Months Ended','July 31,','2024','2023']
T+=cells('GAAP gross profit',gp[:2],dollar=True)+cells('Stock-based compensation',sbc_c)+cells('Amortization of acquired intangible assets',am_c)+cells('Adjusted gross profit',agp,dollar=True)+cells('Adjusted gross margin',[],)
T=T[:-1]+['Adjusted gross margin']+[f'{x:.1f}%' for x in agm]
T+=cells('GAAP operating expenses',opx[:2],dollar=True)+cells('Stock-based compensation',[-x for x in sbc_o])+cells('Amortization of acquired intangible assets',[-x for x in am_o])+cells('Restructuring charges',[-x for x in rsq])+cells('Adjusted operating expenses',aopx,dollar=True)
T+=cells('GAAP operating income',oi[:2],dollar=True)+cells('Stock-based compensation',[sbc_c[i]+sbc_o[i] for i in range(2)])+cells('Amortization of acquired intangible assets',[am_c[i]+am_o[i] for i in range(2)])+cells('Restructuring charges',rsq)+cells('Adjusted operating income',aoi,dollar=True)+['Adjusted operating margin']+[f'{x:.1f}%' for x in aom]
T+=cells('GAAP net income',ni[:2],dollar=True)+cells('Total pre-tax adjustments',[round(sbc_c[i]+sbc_o[i]+am_c[i]+am_o[i]+rsq[i],1) for i in range(2)])+cells('Income tax effect of adjustments',taxeff)+cells('Adjusted net income',ani,dollar=True)
T+=cells('GAAP diluted EPS',deps[:2],2,dollar=True)+cells('Adjusted diluted EPS',aeps,2,dollar=True)+cells('Shares used in diluted EPS',dsh[:2])
d.parts+=T; L(''); L('Quillon Systems, Inc. | Q2 FY2025 Results | Page 4 of 4')
# gold
per={'FY2025Q2':'three months 2024','FY2024Q2':'three months 2023','FY2025H1':'six months 2024','FY2024H1':'six months 2023'}
def tq(lbl,p,t='statement of operations'): return f'({lbl}, {t}, {per[p]})'
g=d.g
q='Revenue was $700.5 million, compared with $662.7 million in the second quarter of fiscal 2024'
g('FY2025Q2','revenue','total','gaap','actual',700.5,'usd_m','core',q)
g('FY2024Q2','revenue','total','gaap','actual',662.7,'usd_m','core',q)
g('FY2025Q1','revenue','total','gaap','actual',668.3,'usd_m','core','up 5% sequentially from $668.3 million in the first quarter of fiscal 2025')
for i in (2,3): g(P[i],'revenue','total','gaap','actual',rev[i],'usd_m','extra',tq('Total revenue',P[i]))
g('FY2025Q2','revenue','software_platforms','gaap','actual',412.6,'usd_m','extra','Software Platforms revenue was $412.6 million')
g('FY2025Q2','revenue','edge_hardware','gaap','actual',287.9,'usd_m','extra','Edge Hardware revenue was $287.9 million')
for i in (1,2,3):
    g(P[i],'revenue','software_platforms','gaap','actual',sw[i],'usd_m','extra',tq('Software Platforms',P[i]))
    g(P[i],'revenue','edge_hardware','gaap','actual',edge[i],'usd_m','extra',tq('Edge Hardware',P[i]))
for i in range(4): g(P[i],'gross_profit','total','gaap','actual',gp[i],'usd_m','extra',tq('Gross profit',P[i]))
g('FY2025Q2','gross_margin','total','gaap','actual',58.7,'pct','core','GAAP gross margin was 58.7%')
g('FY2024Q2','gross_margin','total','gaap','actual',56.8,'pct','extra','compared with 56.8% in the second quarter of fiscal 2024')
g('FY2025Q2','gross_margin','total','non_gaap','actual',59.8,'pct','core','Adjusted gross margin was 59.8%')
g('FY2024Q2','gross_margin','total','non_gaap','actual',57.9,'pct','extra','Adjusted gross margin was 59.8%, compared with 57.9%')
for i in range(2): g(P[i],'gross_profit','total','non_gaap','actual',agp[i],'usd_m','extra',tq('Adjusted gross profit',P[i],'reconciliation'))
for i in range(4): g(P[i],'operating_expenses','total','gaap','actual',opx[i],'usd_m','extra',tq('Total operating expenses',P[i]))
for i in range(2): g(P[i],'operating_expenses','total','non_gaap','actual',aopx[i],'usd_m','extra',tq('Adjusted operating expenses',P[i],'reconciliation'))
g('FY2025Q2','operating_income','total','gaap','actual',89.5,'usd_m','core','GAAP operating income was $89.5 million, or 12.8% of revenue')
g('FY2024Q2','operating_income','total','gaap','actual',77.2,'usd_m','extra','compared with $77.2 million, or 11.6% of revenue')
g('FY2025Q2','operating_margin','total','gaap','actual',12.8,'pct','extra','GAAP operating income was $89.5 million, or 12.8% of revenue')
g('FY2024Q2','operating_margin','total','gaap','actual',11.6,'pct','extra','compared with $77.2 million, or 11.6% of revenue')
for i in (2,3): g(P[i],'operating_income','total','gaap','actual',oi[i],'usd_m','extra',tq('Operating income',P[i]))
g('FY2025Q2','operating_income','total','non_gaap','actual',145.3,'usd_m','core','Adjusted operating income was $145.3 million, or 20.7% of revenue')
g('FY2024Q2','operating_income','total','non_gaap','actual',120.3,'usd_m','extra','compared with $120.3 million, or 18.2% of revenue')
g('FY2025Q2','operating_margin','total','non_gaap','actual',20.7,'pct','core','Adjusted operating income was $145.3 million, or 20.7% of revenue')
g('FY2024Q2','operating_margin','total','non_gaap','actual',18.2,'pct','extra','compared with $120.3 million, or 18.2% of revenue')
g('FY2025Q2','net_income','total','gaap','actual',78.6,'usd_m','core','GAAP net income was $78.6 million, or $0.55 per diluted share')
g('FY2025Q2','eps_diluted','total','gaap','actual',0.55,'usd','core','GAAP net income was $78.6 million, or $0.55 per diluted share')
g('FY2024Q2','net_income','total','gaap','actual',60.5,'usd_m','extra','compared with $60.5 million, or $0.42 per diluted share, in the prior-year period')
g('FY2024Q2','eps_diluted','total','gaap','actual',0.42,'usd','core','compared with $60.5 million, or $0.42 per diluted share, in the prior-year period')
for i in (2,3):
    g(P[i],'net_income','total','gaap','actual',ni[i],'usd_m','extra',tq('Net income',P[i]))
    g(P[i],'eps_diluted','total','gaap','actual',deps[i],'usd','extra',tq('Net income per share, Diluted',P[i]))
g('FY2025Q2','tax_rate','total','gaap','actual',18.0,'pct','extra','The effective tax rate was 18.0%')
g('FY2025Q2','net_income','total','non_gaap','actual',123.2,'usd_m','core','Adjusted net income was $123.2 million, or $0.86 per diluted share')
g('FY2025Q2','eps_diluted','total','non_gaap','actual',0.86,'usd','core','Adjusted net income was $123.2 million, or $0.86 per diluted share')
g('FY2024Q2','net_income','total','non_gaap','actual',94.7,'usd_m','extra','compared with $94.7 million, or $0.65 per diluted share, in the second quarter of fiscal 2024')
g('FY2024Q2','eps_diluted','total','non_gaap','actual',0.65,'usd','core','compared with $94.7 million, or $0.65 per diluted share, in the second quarter of fiscal 2024')
g('FY2025Q2','operating_cash_flow','total','none','actual',97.6,'usd_m','extra','Cash flow from operations was $97.6 million')
g('FY2025Q2','capex','total','none','actual',19.8,'usd_m','extra','capital expenditures were $19.8 million in the quarter')
for i in (0,1):
    g(P[i+2],'operating_cash_flow','total','none','actual',ocf[i],'usd_m','extra',tq('Net cash provided by operating activities',P[i+2],'cash flows'))
    g(P[i+2],'capex','total','none','actual',capex[i],'usd_m','extra',tq('Capital expenditures',P[i+2],'cash flows'))
g('FY2025Q2','cash_investments','total','none','actual',1014.1,'usd_m','extra','Cash, cash equivalents and short-term investments were $1,014.1 million as of July 31, 2024')
g('FY2024Q4','cash_investments','total','none','actual',965.5,'usd_m','extra','compared with $965.5 million as of January 31, 2024')
for i,p in enumerate(['FY2025Q2','FY2024Q4']):
    dt=['July 31, 2024','January 31, 2024'][i]
    g(p,'deferred_revenue','current','none','actual',dr_c[i],'usd_m','extra',f'(Deferred revenue, current, balance sheet, {dt})')
    g(p,'deferred_revenue','long_term','none','actual',dr_n[i],'usd_m','extra',f'(Deferred revenue, non-current, balance sheet, {dt})')
g('FY2025Q2','headcount','total','none','actual',5850,'count','extra','Ended the quarter with approximately 5,850 employees')
gg=d.gg
gg('FY2025Q3','revenue','total','gaap',715,735,'usd_m','core','Revenue of $715 million to $735 million')
gg('FY2025Q3','operating_margin','total','non_gaap',20,21,'pct','core','Adjusted operating margin of 20% to 21%')
gg('FY2025Q3','eps_diluted','total','non_gaap',0.86,0.90,'usd','core','Adjusted diluted EPS of $0.86 to $0.90')
gg('2025FY','revenue','total','gaap',2830,2870,'usd_m','core','Quillon now expects revenue of $2.83 billion to $2.87 billion, compared with its prior outlook of $2.78 billion to $2.84 billion')
gg('2025FY','operating_margin','total','non_gaap',20.5,20.5,'pct','extra','adjusted operating margin of approximately 20.5%')
gg('2025FY','eps_diluted','total','non_gaap',3.40,3.50,'usd','core','adjusted diluted EPS of $3.40 to $3.50, up from $3.30 to $3.42 previously')
t=d.save(); print(len(t), len(d.rows))
