from lib import *
d = Doc('dev', '04_kilbride_fy2025q1_pdf_release.txt')
P=['FY2025Q1','FY2024Q4','FY2024Q1']
ss=[612.4,645.0,566.3]; im=[438.7,451.8,421.9]; cs=[431.5,420.5,400.8]
rev=[round(a+b+c,1) for a,b,c in zip(ss,im,cs)]; assert rev==[1482.6,1517.3,1389.0]
gp=[833.2,861.8,770.9]; cor=[round(a-b,1) for a,b in zip(rev,gp)]
gm=[round(100*a/b,1) for a,b in zip(gp,rev)]
rd=[148.9,152.0,141.2]; sga=[402.6,410.3,388.4]; am=[31.5,31.5,32.0]; rs=[12.1,4.2,0.0]
opx=[round(a+b+c+e,1) for a,b,c,e in zip(rd,sga,am,rs)]; oi=[round(a-b,1) for a,b in zip(gp,opx)]
om=[round(100*a/b,1) for a,b in zip(oi,rev)]
ie=[-18.4,-19.0,-21.3]; oo=[2.7,1.9,-0.8]; pt=[round(a+b+c,1) for a,b,c in zip(oi,ie,oo)]
tax=[40.0,44.9,35.6]; ni=[round(a-b,1) for a,b in zip(pt,tax)]; etr=[round(100*a/b,1) for a,b in zip(tax,pt)]
dsh=[121.6,122.0,123.4]; eps=[round(n/s+1e-9,2) for n,s in zip(ni,dsh)]
acq=[6.3,2.9,8.8]; taxeff=[-10.5,-8.1,-8.6]
aoi=[round(oi[i]+am[i]+rs[i]+acq[i],1) for i in range(3)]; aom=[round(100*a/b,1) for a,b in zip(aoi,rev)]
ani=[round(ni[i]+am[i]+rs[i]+acq[i]+taxeff[i],1) for i in range(3)]; aeps=[round(a/b,2) for a,b in zip(ani,dsh)]
print(cor,gm,opx,oi,om,pt,ni,etr,eps,aoi,aom,ani,aeps)
assert gm==[56.2,56.8,55.5] and om==[16.1,17.4,15.1] and eps==[1.50,1.65,1.23] and aom==[19.4,19.9,18.0] and aeps==[1.82,1.90,1.49]
ocf=[214.5,188.2]; capex=[52.3,47.9]; cash=[1204.7,1318.2]; dr=[276.4,268.9]
L=d.p
L('KILBRIDE MEDICAL CORPORATION'); L(''); L('FOR IMMEDIATE RELEASE'); L('')
L('Kilbride Medical Reports Fiscal 2025 First Quarter Results;'); L('Updates Fiscal 2025 Outlook'); L('')
L('MINNEAPOLIS, Minn. -- January 30, 2025 -- Kilbride Medical Corporation (NYSE: KLB) today')
L('reported financial results for its fiscal 2025 first quarter, which ended December 27, 2024.')
L('Kilbride’s fiscal year ends on the last Friday of September; fiscal 2025 will end on')
L('September 26, 2025.'); L('')
L('Fiscal 2025 First Quarter Highlights'); L('')
for s in [
 f'• Revenue of $1,482.6 million, up 6.7% from $1,389.0 million in the fiscal 2024 first quarter, and down 2.3% from $1,517.3 million in the fiscal 2024 fourth quarter; organic revenue growth was 5.8%',
 f'• GAAP gross margin of {gm[0]}%, compared with {gm[2]}% in the prior-year quarter',
 f'• GAAP operating income of ${oi[0]} million, or {om[0]}% of revenue; adjusted operating income of ${aoi[0]} million, or {aom[0]}% of revenue, compared with {aom[2]}% a year ago',
 f'• GAAP diluted EPS of ${eps[0]:.2f}, compared with ${eps[2]:.2f}; adjusted EPS of ${aeps[0]:.2f}, up 22% from ${aeps[2]:.2f}',
 '• Order backlog of $2.31 billion at quarter end, compared with $2.24 billion at the end of fiscal 2024',
]:
    d.wrap(s, 90)
assert round(100*(rev[0]/rev[2]-1),1)==6.7 and round(100*(1-rev[0]/rev[1]),1)==2.3 and round(100*(aeps[0]/aeps[2]-1))==22
L('')
d.wrap('"We delivered a solid start to fiscal 2025, led by double-digit growth in Surgical Systems as procedure volumes grew 11% and our installed base reached 9,400 systems," said Martin Cobb, Chairman and Chief Executive Officer. "Imaging was in line with our expectations, and we remain confident in the full year."', 90); L('')
L('Segment Results'); L('')
d.wrap(f'Surgical Systems revenue was ${ss[0]} million, up 8.1% year over year. Imaging revenue was ${im[0]} million, up 4.0%, and Consumables and Services revenue was ${cs[0]} million, up 7.7%. The average selling price of a Kilbride Orion surgical system was approximately $1.9 million per unit.', 90); L('')
assert [round(100*(a[0]/a[2]-1),1) for a in (ss,im,cs)]==[8.1,4.0,7.7]
d.wrap(f'GAAP net income for the quarter was ${ni[0]} million, or ${eps[0]:.2f} per diluted share, compared with ${ni[2]} million, or ${eps[2]:.2f} per diluted share, in the fiscal 2024 first quarter. Adjusted net income was ${ani[0]} million, or ${aeps[0]:.2f} per diluted share. The effective tax rate was {etr[0]}%, compared with {etr[2]}% a year ago.', 90); L('')
d.wrap(f'Cash flow from operating activities was ${ocf[0]} million and capital expenditures were ${capex[0]} million. Kilbride repurchased 0.8 million shares for $118 million and paid a quarterly dividend of $0.42 per share. Cash and cash equivalents were $1,204.7 million as of December 27, 2024. Kilbride had approximately 14,300 employees at the end of the quarter.', 90); L('')
L('Fiscal 2025 Outlook'); L('')
d.wrap('For the fiscal 2025 second quarter, Kilbride expects revenue of $1.50 billion to $1.54 billion and adjusted EPS of $1.84 to $1.90.', 90); L('')
d.wrap('For fiscal 2025, Kilbride now expects revenue of $6.14 billion plus or minus $40 million, compared with its previous outlook of $6.05 billion plus or minus $50 million, representing growth of approximately 4.5% to 5.9% over fiscal 2024 revenue of $5,837 million. The company expects GAAP diluted EPS of $6.25 to $6.45 and adjusted EPS of $7.60 to $7.80; at the midpoint, adjusted EPS would grow approximately 9%. Kilbride expects an adjusted operating margin of approximately 19.5% and an adjusted effective tax rate of approximately 17.5% for the year.', 90); L('')
assert round(100*(6100/5837-1),1)==4.5 and round(100*(6180/5837-1),1)==5.9
d.wrap('The company continues to target an adjusted operating margin of 22% by fiscal 2028 and mid-single-digit organic revenue growth over the long term.', 90); L('')
L('Use of Non-GAAP Financial Measures'); L('')
d.wrap('Adjusted operating income, adjusted operating margin, adjusted net income and adjusted EPS are non-GAAP financial measures. They exclude amortization of intangible assets, restructuring charges, acquisition-related costs and the related tax effects.', 90); L('')
L('- more -'); L(''); L('Page 1 of 3'); L('\f')
T=['KILBRIDE MEDICAL CORPORATION','FINANCIAL SUMMARY','(Unaudited; in millions, except per share data and percentages)',
   'FY2025Q1','FY2024Q4','FY2024Q1','Q/Q','Y/Y']
def line(lbl,v,dec=1,dollar=False,pctcols=True,suffix=''):
    out=[lbl]
    for x in v: out.append(('$ ' if dollar else '')+f(x,dec)+suffix)
    if pctcols:
        out.append(f'{100*(v[0]/v[1]-1):.1f}%'); out.append(f'{100*(v[0]/v[2]-1):.1f}%')
    return out
# label line followed by one line of all numbers
def oneline(lbl,v,dec=1,dollar=False,pct=True,suffix=''):
    x=line(lbl,v,dec,dollar,pct,suffix); return [x[0],'  '.join(x[1:])]
T+=oneline('Revenue',rev,dollar=True)
T+=oneline('Gross margin',gm,pct=False,suffix='%')
T+=oneline('Operating income',oi,dollar=True)
T+=oneline('Operating margin',om,pct=False,suffix='%')
T+=oneline('Net income',ni,dollar=True)
T+=oneline('Diluted EPS',eps,2,dollar=True)
T+=['Adjusted (non-GAAP)']
T+=oneline('Adjusted operating income',aoi,dollar=True)
T+=oneline('Adjusted operating margin',aom,pct=False,suffix='%')
T+=oneline('Adjusted net income',ani,dollar=True)
T+=oneline('Adjusted EPS',aeps,2,dollar=True)
d.parts+=T; L('')
T=['KILBRIDE MEDICAL CORPORATION','CONDENSED CONSOLIDATED STATEMENTS OF INCOME','(Unaudited; in millions, except per share data)','Three Months Ended',
   'December 27,','September 27,','December 29,','2024','2024','2023']
def col(lbl,v,dec=1,dollar=False): # label line followed by lines of numbers
    return line(lbl,v,dec,dollar,False)
T+=['Net revenue:']+col('Surgical Systems',ss,dollar=True)+col('Imaging',im)+col('Consumables and Services',cs)+col('Total net revenue',rev,dollar=True)
T+=col('Cost of revenue',cor)+col('Gross profit',gp)+['Operating expenses:']+col('Research and development',rd)+col('Selling, general and administrative',sga)+col('Amortization of intangible assets',am)+col('Restructuring charges',rs)+col('Total operating expenses',opx)
T+=col('Operating income',oi)+col('Interest expense, net',ie)+col('Other income (expense), net',oo)+col('Income before income taxes',pt)+col('Income tax expense',tax)+col('Net income',ni,dollar=True)
T+=['Earnings per share:']+col('Basic',[round(n/s,2) for n,s in zip(ni,[120.4,120.9,122.1])],2,dollar=True)+col('Diluted',eps,2,dollar=True)
T+=['Weighted-average shares outstanding:']+col('Basic',[120.4,120.9,122.1])+col('Diluted',dsh)
d.parts+=T; L(''); L('Page 2 of 3'); L('\f')
T=['KILBRIDE MEDICAL CORPORATION','SELECTED BALANCE SHEET AND CASH FLOW DATA','(Unaudited; in millions)','December 27,','September 27,','2024','2024']
T+=col('Cash and cash equivalents',cash,dollar=True)+col('Accounts receivable, net',[1011.3,1047.6])+col('Inventories',[1388.0,1342.5])+col('Deferred revenue',dr)+col('Total debt',[4120.0,4135.5])
T+=['Three Months Ended','December 27,','December 29,','2024','2023']+col('Net cash provided by operating activities',ocf,dollar=True)+col('Capital expenditures',[-c for c in capex])+col('Free cash flow',[round(a-b,1) for a,b in zip(ocf,capex)],dollar=True)
T+=['','RECONCILIATION OF GAAP TO ADJUSTED MEASURES','(Unaudited; in millions, except per share data)','FY2025Q1','FY2024Q4','FY2024Q1']
T+=oneline('GAAP operating income',oi,dollar=True,pct=False)+oneline('Amortization of intangible assets',am,pct=False)+oneline('Restructuring charges',rs,pct=False)+oneline('Acquisition-related costs',acq,pct=False)+oneline('Adjusted operating income',aoi,dollar=True,pct=False)
T+=oneline('GAAP net income',ni,dollar=True,pct=False)+oneline('Pre-tax adjustments',[round(am[i]+rs[i]+acq[i],1) for i in range(3)],pct=False)+oneline('Tax effect of adjustments',taxeff,pct=False)+oneline('Adjusted net income',ani,dollar=True,pct=False)
T+=oneline('GAAP diluted EPS',eps,2,dollar=True,pct=False)+oneline('Adjusted EPS',aeps,2,dollar=True,pct=False)
d.parts+=T; L(''); L('Page 3 of 3')
g,gg=d.g,d.gg
cn=['FY2025Q1','FY2024Q4','FY2024Q1']
def tq(l,i,t='income statement'): return f'({l}, {t}, {cn[i]} column)'
q='Revenue of $1,482.6 million, up 6.7% from $1,389.0 million in the fiscal 2024 first quarter, and down 2.3% from $1,517.3 million in the fiscal 2024 fourth quarter'
for i in range(3): g(P[i],'revenue','total','gaap','actual',rev[i],'usd_m','core',q)
for i in range(3):
    for nm,seg,v in (('Surgical Systems','surgical_systems',ss),('Imaging','imaging',im),('Consumables and Services','consumables_and_services',cs)):
        g(P[i],'revenue',seg,'gaap','actual',v[i],'usd_m','extra',tq(nm,i))
    g(P[i],'gross_profit','total','gaap','actual',gp[i],'usd_m','extra',tq('Gross profit',i))
    g(P[i],'operating_expenses','total','gaap','actual',opx[i],'usd_m','extra',tq('Total operating expenses',i))
    g(P[i],'tax_rate','total','gaap','actual',etr[i],'pct','extra',f'The effective tax rate was {etr[0]}%, compared with {etr[2]}% a year ago') if i!=1 else None
g('FY2025Q1','gross_margin','total','gaap','actual',gm[0],'pct','core',f'GAAP gross margin of {gm[0]}%, compared with {gm[2]}% in the prior-year quarter')
g('FY2024Q1','gross_margin','total','gaap','actual',gm[2],'pct','extra',f'GAAP gross margin of {gm[0]}%, compared with {gm[2]}% in the prior-year quarter')
g('FY2024Q4','gross_margin','total','gaap','actual',gm[1],'pct','extra',tq('Gross margin',1,'financial summary'))
g('FY2025Q1','operating_income','total','gaap','actual',oi[0],'usd_m','core',f'GAAP operating income of ${oi[0]} million, or {om[0]}% of revenue')
g('FY2025Q1','operating_margin','total','gaap','actual',om[0],'pct','extra',f'GAAP operating income of ${oi[0]} million, or {om[0]}% of revenue')
g('FY2025Q1','operating_income','total','non_gaap','actual',aoi[0],'usd_m','core',f'adjusted operating income of ${aoi[0]} million, or {aom[0]}% of revenue')
g('FY2025Q1','operating_margin','total','non_gaap','actual',aom[0],'pct','core',f'adjusted operating income of ${aoi[0]} million, or {aom[0]}% of revenue')
g('FY2024Q1','operating_margin','total','non_gaap','actual',aom[2],'pct','extra',f'compared with {aom[2]}% a year ago')
for i in (1,2):
    g(P[i],'operating_income','total','gaap','actual',oi[i],'usd_m','extra',tq('Operating income',i,'financial summary'))
    g(P[i],'operating_margin','total','gaap','actual',om[i],'pct','extra',tq('Operating margin',i,'financial summary'))
    g(P[i],'operating_income','total','non_gaap','actual',aoi[i],'usd_m','extra',tq('Adjusted operating income',i,'financial summary'))
    g(P[i],'net_income','total','gaap','actual',ni[i],'usd_m','extra' if i==1 else 'core',tq('Net income',i,'financial summary'))
    g(P[i],'net_income','total','non_gaap','actual',ani[i],'usd_m','extra',tq('Adjusted net income',i,'financial summary'))
    g(P[i],'eps_diluted','total','gaap','actual',eps[i],'usd','core',tq('Diluted EPS',i,'financial summary'))
    g(P[i],'eps_diluted','total','non_gaap','actual',aeps[i],'usd','core',tq('Adjusted EPS',i,'financial summary'))
g('FY2024Q4','operating_margin','total','non_gaap','actual',aom[1],'pct','extra',tq('Adjusted operating margin',1,'financial summary'))
g('FY2025Q1','net_income','total','gaap','actual',ni[0],'usd_m','core',f'GAAP net income for the quarter was ${ni[0]} million, or ${eps[0]:.2f} per diluted share')
g('FY2025Q1','eps_diluted','total','gaap','actual',eps[0],'usd','core',f'GAAP net income for the quarter was ${ni[0]} million, or ${eps[0]:.2f} per diluted share')
g('FY2025Q1','net_income','total','non_gaap','actual',ani[0],'usd_m','core',f'Adjusted net income was ${ani[0]} million, or ${aeps[0]:.2f} per diluted share')
g('FY2025Q1','eps_diluted','total','non_gaap','actual',aeps[0],'usd','core',f'Adjusted net income was ${ani[0]} million, or ${aeps[0]:.2f} per diluted share')
g('FY2025Q1','backlog','total','none','actual',2310,'usd_m','extra','Order backlog of $2.31 billion at quarter end, compared with $2.24 billion at the end of fiscal 2024')
g('FY2024Q4','backlog','total','none','actual',2240,'usd_m','extra','Order backlog of $2.31 billion at quarter end, compared with $2.24 billion at the end of fiscal 2024')
g('FY2025Q1','operating_cash_flow','total','none','actual',ocf[0],'usd_m','extra',f'Cash flow from operating activities was ${ocf[0]} million')
g('FY2024Q1','operating_cash_flow','total','none','actual',ocf[1],'usd_m','extra','(Net cash provided by operating activities, cash flow data, three months ended December 29, 2023)')
g('FY2025Q1','capex','total','none','actual',capex[0],'usd_m','extra',f'capital expenditures were ${capex[0]} million')
g('FY2024Q1','capex','total','none','actual',capex[1],'usd_m','extra','(Capital expenditures, cash flow data, three months ended December 29, 2023)')
g('FY2025Q1','cash_investments','total','none','actual',cash[0],'usd_m','extra','Cash and cash equivalents were $1,204.7 million as of December 27, 2024')
g('FY2024Q4','cash_investments','total','none','actual',cash[1],'usd_m','extra','(Cash and cash equivalents, balance sheet data, September 27, 2024)')
g('FY2025Q1','deferred_revenue','total','none','actual',dr[0],'usd_m','extra','(Deferred revenue, balance sheet data, December 27, 2024)')
g('FY2024Q4','deferred_revenue','total','none','actual',dr[1],'usd_m','extra','(Deferred revenue, balance sheet data, September 27, 2024)')
g('FY2025Q1','headcount','total','none','actual',14300,'count','extra','Kilbride had approximately 14,300 employees at the end of the quarter')
g('2024FY','revenue','total','gaap','actual',5837,'usd_m','extra','over fiscal 2024 revenue of $5,837 million')
gg('FY2025Q2','revenue','total','gaap',1500,1540,'usd_m','core','Kilbride expects revenue of $1.50 billion to $1.54 billion')
gg('FY2025Q2','eps_diluted','total','non_gaap',1.84,1.90,'usd','core','adjusted EPS of $1.84 to $1.90')
gg('2025FY','revenue','total','gaap',6100,6180,'usd_m','core','Kilbride now expects revenue of $6.14 billion plus or minus $40 million')
gg('2025FY','eps_diluted','total','gaap',6.25,6.45,'usd','core','GAAP diluted EPS of $6.25 to $6.45')
gg('2025FY','eps_diluted','total','non_gaap',7.60,7.80,'usd','core','adjusted EPS of $7.60 to $7.80')
gg('2025FY','operating_margin','total','non_gaap',19.5,19.5,'pct','extra','Kilbride expects an adjusted operating margin of approximately 19.5%')
gg('2025FY','tax_rate','total','non_gaap',17.5,17.5,'pct','extra','an adjusted effective tax rate of approximately 17.5% for the year')
t=d.save(); print(len(t),len(d.rows))
