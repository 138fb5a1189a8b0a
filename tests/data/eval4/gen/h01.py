from lib import *
d = Doc('holdout', '01_bellamy_q3fy25_pdf_release.txt')
P=['FY2025Q3','FY2024Q3','FY2025M9','FY2024M9']
na=[1284.6,1241.0,3921.7,3802.3]; intl=[702.3,688.4,2148.5,2087.9]
rev=[round(a+b,1) for a,b in zip(na,intl)]; assert rev==[1986.9,1929.4,6070.2,5890.2]
cos=[1236.2,1224.1,3746.4,3722.6]; gp=[round(a-b,1) for a,b in zip(rev,cos)]
gm=[round(100*a/b,1) for a,b in zip(gp,rev)]
sga=[462.5,449.8,1388.2,1342.0]; am=[18.4,18.9,55.4,56.9]; rs=[24.7,0.0,61.3,12.5]
opx=[round(a+b+c,1) for a,b,c in zip(sga,am,rs)]; oi=[round(a-b,1) for a,b in zip(gp,opx)]; om=[round(100*a/b,1) for a,b in zip(oi,rev)]
ie=[-41.2,-44.9,-126.0,-131.7]; oo=[3.1,2.2,8.8,6.1]; pt=[round(a+b+c,1) for a,b,c in zip(oi,ie,oo)]
tax=[45.5,44.6,154.4,145.0]; ni=[round(a-b,1) for a,b in zip(pt,tax)]; etr=[round(100*a/b,1) for a,b in zip(tax,pt)]
dsh=[131.4,134.0,132.0,134.5]; bsh=[130.6,133.1,131.2,133.6]; eps=[round(a/b,2) for a,b in zip(ni,dsh)]; beps=[round(a/b,2) for a,b in zip(ni,bsh)]
sct=[6.2,0.0,15.0,0.0]; agp=[round(a+b,1) for a,b in zip(gp,sct)]; agm=[round(100*a/b,1) for a,b in zip(agp,rev)]
aoi=[round(oi[i]+rs[i]+am[i]+sct[i],1) for i in range(4)]; aom=[round(100*a/b,1) for a,b in zip(aoi,rev)]
te=[-11.3,-4.3,-30.3,-16.0]; ani=[round(ni[i]+rs[i]+am[i]+sct[i]+te[i],1) for i in range(4)]; aeps=[round(a/b,2) for a,b in zip(ani,dsh)]
sna=[231.8,210.4,719.4,652.0]; sin=[98.7,86.3,335.3,289.9]; corp=[round(aoi[i]-sna[i]-sin[i],1) for i in range(4)]
print(gp,gm,opx,oi,om,pt,ni,etr,eps,beps,agp,agm,aoi,aom,ani,aeps,corp)
cash=[512.6,468.9]; ocf=[702.4,655.1]; capex=[188.3,201.7]
assert [round(100*(a[0]/a[1]-1),1) for a in (rev,na,intl)]==[3.0,3.5,2.0]
L=d.p
L('Bellamy Brands, Inc.'); L(''); L('NEWS RELEASE'); L('')
L('Bellamy Brands Reports Fiscal 2025 Third Quarter Results and'); L('Raises Full-Year Adjusted EPS Outlook'); L('')
L('CHICAGO, IL, April 29, 2025 – Bellamy Brands, Inc. (NYSE: BLY) today reported results for its'); L('fiscal 2025 third quarter, which ended March 31, 2025. Bellamy’s fiscal year ends June 30.'); L('')
L('Third Quarter Highlights'); L('')
for s in [f'• Net sales of ${rev[0]:,.1f} million, up 3.0%; organic net sales increased 3.4%',
          f'• Gross margin of {gm[0]}%; adjusted gross margin of {agm[0]}%, up 150 basis points',
          f'• Operating income of ${oi[0]} million; adjusted operating income of ${aoi[0]} million, up 15.2%',
          f'• Diluted EPS of ${eps[0]:.2f}; adjusted EPS of ${aeps[0]:.2f}, up 24.6% from ${aeps[1]:.2f}',
          '• Raises fiscal 2025 adjusted EPS outlook to $6.45 plus or minus $0.05']:
    d.wrap(s,84)
assert round(agm[0]-agm[1],1)==1.5 and round(100*(aoi[0]/aoi[1]-1),1)==15.2 and round(100*(aeps[0]/aeps[1]-1),1)==24.6
L('')
d.wrap('"Our brands continued to gain share in the quarter, and our productivity program is delivering ahead of plan," said Elena Marchetti, President and Chief Executive Officer. "We shipped 412 million cases, and the average net price per case rose 2.1%, with volume growth in both segments."',84); L('')
L('Third Quarter Results'); L('')
d.wrap(f'Net sales were ${rev[0]:,.1f} million, compared with ${rev[1]:,.1f} million in the fiscal 2024 third quarter. North America net sales rose 3.5% to ${na[0]:,.1f} million, and International net sales increased 2.0% to ${intl[0]} million; excluding foreign exchange, International grew 4.6%.',84); L('')
d.wrap(f'Gross margin was {gm[0]}%, compared with {gm[1]}% in the prior-year quarter. Adjusted gross margin, which excludes supply chain transition costs, was {agm[0]}%. Operating income was ${oi[0]} million, or {om[0]}% of net sales, compared with ${oi[1]} million. Adjusted operating income was ${aoi[0]} million, and adjusted operating margin was {aom[0]}%, compared with {aom[1]}% a year ago.',84); L('')
d.wrap(f'Net earnings were ${ni[0]} million, or ${eps[0]:.2f} per diluted share, compared with ${ni[1]} million, or ${eps[1]:.2f} per diluted share. Adjusted net earnings were ${ani[0]} million, or ${aeps[0]:.2f} per diluted share. The effective tax rate was {etr[0]}%, compared with {etr[1]}%.',84); L('')
L('Nine-Month Results'); L('')
d.wrap(f'For the first nine months of fiscal 2025, net sales were ${rev[2]:,.1f} million, up 3.1%. Gross margin was {gm[2]}%, and adjusted gross margin was {agm[2]}%. Diluted EPS was ${eps[2]:.2f}, compared with ${eps[3]:.2f}, and adjusted EPS was ${aeps[2]:.2f}, compared with ${aeps[3]:.2f}. Cash provided by operating activities was ${ocf[0]} million, and capital expenditures were ${capex[0]} million.',84); L('')
assert round(100*(rev[2]/rev[3]-1),1)==3.1
L('Capital Allocation'); L('')
d.wrap('During the quarter, Bellamy repurchased 1.5 million shares for $142 million and paid a quarterly dividend of $0.84 per share. Net leverage was 2.4x at quarter end.',84); L('')
L('Fiscal 2025 Outlook'); L('')
d.wrap('Bellamy now expects fiscal 2025 net sales of $8.02 billion to $8.08 billion and adjusted EPS of $6.45 plus or minus $0.05, compared with its previous outlook of $6.30 to $6.45. The company expects organic net sales growth in the low single digits, an adjusted gross margin of approximately 38.5%, an adjusted effective tax rate of 22% to 23%, and capital expenditures of approximately $260 million. At the midpoint, the adjusted EPS outlook represents growth of approximately 20% over fiscal 2024.',84); L('')
d.wrap('Bellamy’s long-term algorithm remains organic net sales growth of 3% to 5% and high single-digit adjusted EPS growth.',84); L('')
d.wrap('Non-GAAP measures: adjusted gross profit, adjusted gross margin, adjusted operating income, adjusted operating margin, adjusted net earnings and adjusted EPS exclude restructuring and impairment charges, amortization of intangible assets, supply chain transition costs and their tax effects. A reconciliation of the fiscal 2025 adjusted EPS outlook is not provided because the excluded items cannot be predicted with reasonable certainty.',84); L('')
L('– more –'); L(''); L('Bellamy Brands, Inc. Q3 FY2025 Earnings Release Page 2 of 5'); L('')
hdr=['Three Months Ended','Nine Months Ended','March 31,','March 31,','2025','2024','2025','2024']
T=['BELLAMY BRANDS, INC.','CONDENSED CONSOLIDATED STATEMENTS OF EARNINGS','(Unaudited)','(In millions, except per share data)']+hdr
T+=cells('Net sales',rev,dollar=True)+cells('Cost of sales',cos)+cells('Gross profit',gp)+cells('Selling, general and administrative expenses',sga)+cells('Amortization of intangible assets',am)+cells('Restructuring and impairment charges',rs)+cells('Total operating expenses',opx)
T+=cells('Operating income',oi)+cells('Interest expense, net',ie)+cells('Other income, net',oo)+cells('Earnings before income taxes',pt)+cells('Income taxes',tax)+cells('Net earnings',ni,dollar=True)
T+=['Net earnings per share:']+cells('Basic',beps,2,dollar=True)+cells('Diluted',eps,2,dollar=True)+['Weighted-average shares outstanding:']+cells('Basic',bsh)+cells('Diluted',dsh)
d.parts+=T; L(''); L('Bellamy Brands, Inc. Q3 FY2025 Earnings Release Page 3 of 5'); L('')
T=['BELLAMY BRANDS, INC.','SEGMENT INFORMATION','(Unaudited)','(In millions)']+hdr+['Net sales']+cells('North America',na,dollar=True)+cells('International',intl)+cells('Total net sales',rev,dollar=True)
T+=['Segment operating profit']+cells('North America',sna,dollar=True)+cells('International',sin)+cells('Corporate and unallocated',corp)+cells('Adjusted operating income',aoi,dollar=True)
T+=cells('Restructuring and impairment charges',[-x for x in rs])+cells('Amortization of intangible assets',[-x for x in am])+cells('Supply chain transition costs',[-x for x in sct])+cells('Operating income',oi,dollar=True)
for i in range(4): assert round(aoi[i]-rs[i]-am[i]-sct[i],1)==oi[i]
d.parts+=T; L(''); L('Bellamy Brands, Inc. Q3 FY2025 Earnings Release Page 4 of 5'); L('')
T=['BELLAMY BRANDS, INC.','RECONCILIATION OF GAAP TO ADJUSTED (NON-GAAP) MEASURES','(Unaudited)','(In millions, except per share data and percentages)']+hdr
T+=cells('Gross profit, as reported',gp,dollar=True)+cells('Supply chain transition costs',sct)+cells('Adjusted gross profit',agp,dollar=True)+['Adjusted gross margin']+[f'{x:.1f}%' for x in agm]
T+=cells('Operating income, as reported',oi,dollar=True)+cells('Restructuring and impairment charges',rs)+cells('Amortization of intangible assets',am)+cells('Supply chain transition costs',sct)+cells('Adjusted operating income',aoi,dollar=True)+['Adjusted operating margin']+[f'{x:.1f}%' for x in aom]
T+=cells('Net earnings, as reported',ni,dollar=True)+cells('Pre-tax adjustments',[round(rs[i]+am[i]+sct[i],1) for i in range(4)])+cells('Tax effect of adjustments',te)+cells('Adjusted net earnings',ani,dollar=True)
T+=cells('Diluted EPS, as reported',eps,2,dollar=True)+cells('Adjusted EPS',aeps,2,dollar=True)
d.parts+=T; L('')
T=['BELLAMY BRANDS, INC.','SELECTED BALANCE SHEET AND CASH FLOW INFORMATION','(Unaudited)','(In millions)','March 31,','June 30,','2025','2024']+cells('Cash and cash equivalents',cash,dollar=True)+cells('Inventories',[1105.8,1062.4])+cells('Total debt',[4310.0,4395.2])
T+=['Nine Months Ended','March 31,','2025','2024']+cells('Net cash provided by operating activities',ocf,dollar=True)+cells('Capital expenditures',[-c for c in capex])+cells('Free cash flow',[round(a-b,1) for a,b in zip(ocf,capex)],dollar=True)+cells('Dividends paid',[-332.6,-310.1])
d.parts+=T; L(''); L('Bellamy Brands, Inc. Q3 FY2025 Earnings Release Page 5 of 5')
g,gg=d.g,d.gg
pl={'FY2025Q3':'three months 2025','FY2024Q3':'three months 2024','FY2025M9':'nine months 2025','FY2024M9':'nine months 2024'}
def tq(l,p,t='statement of earnings'): return f'({l}, {t}, {pl[p]})'
g(P[0],'revenue','total','gaap','actual',rev[0],'usd_m','core',f'Net sales were ${rev[0]:,.1f} million, compared with ${rev[1]:,.1f} million in the fiscal 2024 third quarter')
g(P[1],'revenue','total','gaap','actual',rev[1],'usd_m','core',f'Net sales were ${rev[0]:,.1f} million, compared with ${rev[1]:,.1f} million in the fiscal 2024 third quarter')
g(P[2],'revenue','total','gaap','actual',rev[2],'usd_m','extra',f'For the first nine months of fiscal 2025, net sales were ${rev[2]:,.1f} million')
g(P[3],'revenue','total','gaap','actual',rev[3],'usd_m','extra',tq('Net sales',P[3]))
g(P[0],'revenue','north_america','gaap','actual',na[0],'usd_m','extra',f'North America net sales rose 3.5% to ${na[0]:,.1f} million')
g(P[0],'revenue','international','gaap','actual',intl[0],'usd_m','extra',f'International net sales increased 2.0% to ${intl[0]} million')
for i in (1,2,3):
    g(P[i],'revenue','north_america','gaap','actual',na[i],'usd_m','extra',tq('Net sales, North America',P[i],'segment information'))
    g(P[i],'revenue','international','gaap','actual',intl[i],'usd_m','extra',tq('Net sales, International',P[i],'segment information'))
for i in range(4):
    g(P[i],'operating_income','north_america','gaap','actual',sna[i],'usd_m','extra',tq('Segment operating profit, North America',P[i],'segment information'))
    g(P[i],'operating_income','international','gaap','actual',sin[i],'usd_m','extra',tq('Segment operating profit, International',P[i],'segment information'))
    g(P[i],'gross_profit','total','gaap','actual',gp[i],'usd_m','extra',tq('Gross profit',P[i]))
    g(P[i],'gross_profit','total','non_gaap','actual',agp[i],'usd_m','extra',tq('Adjusted gross profit',P[i],'reconciliation'))
    g(P[i],'operating_expenses','total','gaap','actual',opx[i],'usd_m','extra',tq('Total operating expenses',P[i]))
    g(P[i],'net_income','total','non_gaap','actual',ani[i],'usd_m','core' if i==0 else 'extra',tq('Adjusted net earnings',P[i],'reconciliation') if i else f'Adjusted net earnings were ${ani[0]} million, or ${aeps[0]:.2f} per diluted share')
for i in (1,3):
    g(P[i],'gross_margin','total','non_gaap','actual',agm[i],'pct','extra',tq('Adjusted gross margin',P[i],'reconciliation'))
    g(P[i],'operating_margin','total','non_gaap','actual',aom[i],'pct','extra' if i==3 else 'extra',tq('Adjusted operating margin',P[i],'reconciliation') if i==3 else f'compared with {aom[1]}% a year ago')
for i in (2,):
    g(P[i],'operating_margin','total','non_gaap','actual',aom[i],'pct','extra',tq('Adjusted operating margin',P[i],'reconciliation'))
for i in (1,2,3):
    g(P[i],'operating_income','total','non_gaap','actual',aoi[i],'usd_m','extra',tq('Adjusted operating income',P[i],'reconciliation'))
for i in (2,3):
    g(P[i],'operating_income','total','gaap','actual',oi[i],'usd_m','extra',tq('Operating income',P[i]))
    g(P[i],'net_income','total','gaap','actual',ni[i],'usd_m','extra',tq('Net earnings',P[i]))
g(P[0],'gross_margin','total','gaap','actual',gm[0],'pct','core',f'Gross margin was {gm[0]}%, compared with {gm[1]}% in the prior-year quarter')
g(P[1],'gross_margin','total','gaap','actual',gm[1],'pct','extra',f'Gross margin was {gm[0]}%, compared with {gm[1]}% in the prior-year quarter')
g(P[2],'gross_margin','total','gaap','actual',gm[2],'pct','extra',f'Gross margin was {gm[2]}%, and adjusted gross margin was {agm[2]}%')
g(P[0],'gross_margin','total','non_gaap','actual',agm[0],'pct','core',f'adjusted gross margin of {agm[0]}%, up 150 basis points')
g(P[2],'gross_margin','total','non_gaap','actual',agm[2],'pct','extra',f'Gross margin was {gm[2]}%, and adjusted gross margin was {agm[2]}%')
g(P[0],'operating_income','total','gaap','actual',oi[0],'usd_m','core',f'Operating income was ${oi[0]} million, or {om[0]}% of net sales, compared with ${oi[1]} million')
g(P[0],'operating_margin','total','gaap','actual',om[0],'pct','extra',f'Operating income was ${oi[0]} million, or {om[0]}% of net sales')
g(P[1],'operating_income','total','gaap','actual',oi[1],'usd_m','extra',f'Operating income was ${oi[0]} million, or {om[0]}% of net sales, compared with ${oi[1]} million')
g(P[0],'operating_income','total','non_gaap','actual',aoi[0],'usd_m','core',f'Adjusted operating income was ${aoi[0]} million, and adjusted operating margin was {aom[0]}%')
g(P[0],'operating_margin','total','non_gaap','actual',aom[0],'pct','core',f'adjusted operating margin was {aom[0]}%, compared with {aom[1]}% a year ago')
g(P[0],'net_income','total','gaap','actual',ni[0],'usd_m','core',f'Net earnings were ${ni[0]} million, or ${eps[0]:.2f} per diluted share')
g(P[0],'eps_diluted','total','gaap','actual',eps[0],'usd','core',f'Net earnings were ${ni[0]} million, or ${eps[0]:.2f} per diluted share')
g(P[1],'net_income','total','gaap','actual',ni[1],'usd_m','extra',f'compared with ${ni[1]} million, or ${eps[1]:.2f} per diluted share')
g(P[1],'eps_diluted','total','gaap','actual',eps[1],'usd','core',f'compared with ${ni[1]} million, or ${eps[1]:.2f} per diluted share')
g(P[0],'eps_diluted','total','non_gaap','actual',aeps[0],'usd','core',f'adjusted EPS of ${aeps[0]:.2f}, up 24.6% from ${aeps[1]:.2f}')
g(P[1],'eps_diluted','total','non_gaap','actual',aeps[1],'usd','core',f'adjusted EPS of ${aeps[0]:.2f}, up 24.6% from ${aeps[1]:.2f}')
g(P[2],'eps_diluted','total','gaap','actual',eps[2],'usd','extra',f'Diluted EPS was ${eps[2]:.2f}, compared with ${eps[3]:.2f}')
g(P[3],'eps_diluted','total','gaap','actual',eps[3],'usd','extra',f'Diluted EPS was ${eps[2]:.2f}, compared with ${eps[3]:.2f}')
g(P[2],'eps_diluted','total','non_gaap','actual',aeps[2],'usd','extra',f'adjusted EPS was ${aeps[2]:.2f}, compared with ${aeps[3]:.2f}')
g(P[3],'eps_diluted','total','non_gaap','actual',aeps[3],'usd','extra',f'adjusted EPS was ${aeps[2]:.2f}, compared with ${aeps[3]:.2f}')
g(P[0],'tax_rate','total','gaap','actual',etr[0],'pct','extra',f'The effective tax rate was {etr[0]}%, compared with {etr[1]}%')
g(P[1],'tax_rate','total','gaap','actual',etr[1],'pct','extra',f'The effective tax rate was {etr[0]}%, compared with {etr[1]}%')
g(P[2],'operating_cash_flow','total','none','actual',ocf[0],'usd_m','extra',f'Cash provided by operating activities was ${ocf[0]} million')
g(P[3],'operating_cash_flow','total','none','actual',ocf[1],'usd_m','extra',tq('Net cash provided by operating activities',P[3],'cash flow information'))
g(P[2],'capex','total','none','actual',capex[0],'usd_m','extra',f'capital expenditures were ${capex[0]} million')
g(P[3],'capex','total','none','actual',capex[1],'usd_m','extra',tq('Capital expenditures',P[3],'cash flow information'))
g('FY2025Q3','cash_investments','total','none','actual',cash[0],'usd_m','extra','(Cash and cash equivalents, balance sheet information, March 31, 2025)')
g('FY2024Q4','cash_investments','total','none','actual',cash[1],'usd_m','extra','(Cash and cash equivalents, balance sheet information, June 30, 2024)')
gg('2025FY','revenue','total','gaap',8020,8080,'usd_m','core','Bellamy now expects fiscal 2025 net sales of $8.02 billion to $8.08 billion')
gg('2025FY','eps_diluted','total','non_gaap',6.40,6.50,'usd','core','adjusted EPS of $6.45 plus or minus $0.05, compared with its previous outlook of $6.30 to $6.45')
gg('2025FY','gross_margin','total','non_gaap',38.5,38.5,'pct','core','an adjusted gross margin of approximately 38.5%')
gg('2025FY','tax_rate','total','non_gaap',22,23,'pct','extra','an adjusted effective tax rate of 22% to 23%')
gg('2025FY','capex','total','none',260,260,'usd_m','extra','capital expenditures of approximately $260 million')
t=d.save(); print(len(t),len(d.rows))
