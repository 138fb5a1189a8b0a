from lib import *
d = Doc('dev', '05_velmora_q4fy25_call.txt')
assert round(771.2+41.2,1)==812.4 and round(100*812.4/712.6-100)==14 and round(100*36.6/812.4,1)==4.5 and round(100*186.9/812.4,1)==23.0
assert round(41.8/162.5,2)==0.26 and round(-8.3/158.0,2)==-0.05 and round(158.4/162.5,2)==0.97 and round(118.6/161.9,2)==0.73 and round(100*672.1/3041,1)==22.1
assert round(100*3041/2644-100)==15 and round(100*(4.05/3.55-1))==14
T = """Velmora Software, Inc. (VLMR) Q4 Fiscal 2025 Earnings Call Transcript
March 4, 2025, 5:00 p.m. ET

Company Participants
Nadia Brennan -- Vice President, Investor Relations
Tobias Lindqvist -- Chief Executive Officer
Carla Mendes -- Chief Financial Officer

Conference Call Participants
Jonah Feld -- Ashby Securities -- Analyst
Maya Oduya -- Tavish & Co. -- Analyst

Presentation

Operator

Good day, and welcome to the Velmora Software fourth quarter fiscal 2025 earnings conference call. All participants are in a listen-only mode. I would now like to turn the call over to Nadia Brennan, Vice President of Investor Relations. Please go ahead.

Nadia Brennan -- Vice President, Investor Relations

Thank you, operator. Good afternoon, and welcome to Velmora's earnings call for the fourth quarter and full fiscal year 2025, which ended January 31, 2025. With me are Tobias Lindqvist, our CEO, and Carla Mendes, our CFO. Unless otherwise noted, the financial measures we discuss today other than revenue are adjusted, or non-GAAP, measures. Reconciliations to the most directly comparable GAAP measures are in our press release and on our investor relations website. Our statements about the future are forward-looking and involve risks that could cause actual results to differ materially. With that, I'll turn it over to Tobias.

Tobias Lindqvist -- Chief Executive Officer

Thanks, Nadia. Fiscal 2025 was a milestone year for Velmora. We crossed $3 billion in annual revenue, we expanded adjusted operating margin by two points, and we added more than 1,100 net new customers, bringing our total to 14,850. Our AI assistant for finance teams, which we launched in September, is now live at more than 900 customers, and we priced it at $30 per user per month, which is a meaningful lift to average contract values.

We saw particular strength in the public sector and in EMEA, and our partner ecosystem sourced over a quarter of new bookings. Remaining performance obligations ended the year at $4.02 billion, up 18%, and current RPO was $2.21 billion.

Looking ahead, we're investing in our platform and in go-to-market capacity while staying disciplined. We remain committed to our long-term target of a 30% adjusted operating margin by fiscal 2028. Carla?

Carla Mendes -- Chief Financial Officer

Thanks, Tobias. Total revenue for the fourth quarter was $812.4 million, up 14% year-over-year from $712.6 million, and up 4% sequentially from $781.0 million in the third quarter. Subscription revenue was $771.2 million, up 15%, and professional services revenue was $41.2 million. For the full fiscal year 2025, total revenue was $3.041 billion, up 15% from $2.644 billion in fiscal 2024.

On a GAAP basis, gross margin was 74.8% in the fourth quarter and operating income was $36.6 million, or 4.5% of revenue. GAAP net income was $41.8 million, or $0.26 per diluted share, compared to a GAAP net loss of $8.3 million, or $0.05 per share, in the fourth quarter of fiscal 2024. For the full year, GAAP net income was $118.6 million, or $0.73 per diluted share.

Turning to our adjusted results. Adjusted gross margin was 79.6%. Adjusted operating income was $186.9 million, and adjusted operating margin was 23.0%, compared to 20.1% a year ago. For the full year, adjusted operating income was $672.1 million, or a 22.1% margin. Adjusted net income was $158.4 million, or $0.97 per diluted share, compared to $0.79 in the fourth quarter of last year. Full-year adjusted EPS was $3.55. Our adjusted tax rate for the year was 21%.

Operating cash flow was $268.3 million in the quarter and $803.7 million for the year. Capital expenditures were $14.2 million in the quarter and $52.9 million for the year, so free cash flow was $750.8 million, or 25% of revenue. We ended the year with cash, cash equivalents and marketable securities of $2.18 billion. Deferred revenue was $1.46 billion, up 16%. We finished the year with approximately 6,900 employees. During the year we repurchased 2.9 million shares for $310 million, and our diluted share count in the fourth quarter was 162.5 million.

Now to guidance. Our Q4 revenue came in well above our prior guide of $795 million to $805 million, and we're carrying that momentum into the new year. For the first quarter of fiscal 2026, we expect revenue of $806 million to $814 million, adjusted operating margin of approximately 21%, and adjusted EPS of $0.86 to $0.88.

For the full fiscal year 2026, we expect revenue of $3.43 billion to $3.47 billion, representing growth of roughly 13% to 14%. We expect an adjusted operating margin of 23.5%, plus or minus 50 basis points, and adjusted EPS of $4.00 to $4.10. At the midpoint, that's about 14% growth in adjusted EPS. We're assuming an adjusted tax rate of 21% and a diluted share count of about 165 million. We expect subscription revenue growth in the low-to-mid teens, professional services revenue to decline in the low-to-mid single digits, and capital expenditures of roughly 2% of revenue.

With that, operator, let's open it up for questions.

Questions and Answers:

Operator

Our first question comes from Jonah Feld with Ashby Securities.

Jonah Feld -- Ashby Securities -- Analyst

Hi, thanks. Congrats on the quarter. So you did $812 million of revenue and a 23% margin, and the full-year guide is about $3.45 billion at the midpoint. I think the Street was at $3.40 billion. Is the guide assuming any improvement in net revenue retention, which I think was around 112%?

Tobias Lindqvist -- Chief Executive Officer

Thanks, Jonah. The guide assumes net revenue retention roughly stable at 112%. Upside would come from the AI assistant attach rate, which we're not baking in.

Operator

Our next question comes from Maya Oduya with Tavish & Co.

Maya Oduya -- Tavish & Co. -- Analyst

Thanks. Carla, on margin: you're at 22.1% for the year and guiding to 23.5% -- how should we think about the cadence, and is Q1 at 21% a low point? And can you remind us what professional services gross margin was, I think negative 4%?

Carla Mendes -- Chief Financial Officer

Sure. Q1 carries our annual payroll tax reset and our customer conference, so it's seasonally the low point, and we expect margins to build through the year. Professional services gross margin was negative 3.8% in Q4, and we expect it around breakeven over time.

Operator

That concludes today's question-and-answer session. Thank you for participating. You may now disconnect.
"""
g,gg=d.g,d.gg
g('FY2025Q4','revenue','total','gaap','actual',812.4,'usd_m','core','Total revenue for the fourth quarter was $812.4 million, up 14% year-over-year from $712.6 million')
g('FY2024Q4','revenue','total','gaap','actual',712.6,'usd_m','core','Total revenue for the fourth quarter was $812.4 million, up 14% year-over-year from $712.6 million')
g('FY2025Q3','revenue','total','gaap','actual',781.0,'usd_m','core','up 4% sequentially from $781.0 million in the third quarter')
g('FY2025Q4','revenue','subscription','gaap','actual',771.2,'usd_m','extra','Subscription revenue was $771.2 million')
g('FY2025Q4','revenue','professional_services','gaap','actual',41.2,'usd_m','extra','professional services revenue was $41.2 million')
g('2025FY','revenue','total','gaap','actual',3041,'usd_m','core','For the full fiscal year 2025, total revenue was $3.041 billion, up 15% from $2.644 billion in fiscal 2024')
g('2024FY','revenue','total','gaap','actual',2644,'usd_m','extra','For the full fiscal year 2025, total revenue was $3.041 billion, up 15% from $2.644 billion in fiscal 2024')
g('FY2025Q4','gross_margin','total','gaap','actual',74.8,'pct','core','On a GAAP basis, gross margin was 74.8% in the fourth quarter')
g('FY2025Q4','operating_income','total','gaap','actual',36.6,'usd_m','core','operating income was $36.6 million, or 4.5% of revenue')
g('FY2025Q4','operating_margin','total','gaap','actual',4.5,'pct','extra','operating income was $36.6 million, or 4.5% of revenue')
g('FY2025Q4','net_income','total','gaap','actual',41.8,'usd_m','core','GAAP net income was $41.8 million, or $0.26 per diluted share')
g('FY2025Q4','eps_diluted','total','gaap','actual',0.26,'usd','core','GAAP net income was $41.8 million, or $0.26 per diluted share')
g('FY2024Q4','net_income','total','gaap','actual',-8.3,'usd_m','extra','compared to a GAAP net loss of $8.3 million, or $0.05 per share, in the fourth quarter of fiscal 2024')
g('FY2024Q4','eps_diluted','total','gaap','actual',-0.05,'usd','core','compared to a GAAP net loss of $8.3 million, or $0.05 per share, in the fourth quarter of fiscal 2024')
g('2025FY','net_income','total','gaap','actual',118.6,'usd_m','extra','For the full year, GAAP net income was $118.6 million, or $0.73 per diluted share')
g('2025FY','eps_diluted','total','gaap','actual',0.73,'usd','extra','For the full year, GAAP net income was $118.6 million, or $0.73 per diluted share')
g('FY2025Q4','gross_margin','total','non_gaap','actual',79.6,'pct','core','Adjusted gross margin was 79.6%')
g('FY2025Q4','operating_income','total','non_gaap','actual',186.9,'usd_m','core','Adjusted operating income was $186.9 million')
g('FY2025Q4','operating_margin','total','non_gaap','actual',23.0,'pct','core','adjusted operating margin was 23.0%, compared to 20.1% a year ago')
g('FY2024Q4','operating_margin','total','non_gaap','actual',20.1,'pct','extra','adjusted operating margin was 23.0%, compared to 20.1% a year ago')
g('2025FY','operating_income','total','non_gaap','actual',672.1,'usd_m','extra','For the full year, adjusted operating income was $672.1 million, or a 22.1% margin')
g('2025FY','operating_margin','total','non_gaap','actual',22.1,'pct','extra','For the full year, adjusted operating income was $672.1 million, or a 22.1% margin')
g('FY2025Q4','net_income','total','non_gaap','actual',158.4,'usd_m','core','Adjusted net income was $158.4 million, or $0.97 per diluted share')
g('FY2025Q4','eps_diluted','total','non_gaap','actual',0.97,'usd','core','Adjusted net income was $158.4 million, or $0.97 per diluted share')
g('FY2024Q4','eps_diluted','total','non_gaap','actual',0.79,'usd','core','compared to $0.79 in the fourth quarter of last year')
g('2025FY','eps_diluted','total','non_gaap','actual',3.55,'usd','extra','Full-year adjusted EPS was $3.55')
g('2025FY','tax_rate','total','non_gaap','actual',21,'pct','extra','Our adjusted tax rate for the year was 21%')
g('FY2025Q4','operating_cash_flow','total','none','actual',268.3,'usd_m','extra','Operating cash flow was $268.3 million in the quarter and $803.7 million for the year')
g('2025FY','operating_cash_flow','total','none','actual',803.7,'usd_m','extra','Operating cash flow was $268.3 million in the quarter and $803.7 million for the year')
g('FY2025Q4','capex','total','none','actual',14.2,'usd_m','extra','Capital expenditures were $14.2 million in the quarter and $52.9 million for the year')
g('2025FY','capex','total','none','actual',52.9,'usd_m','extra','Capital expenditures were $14.2 million in the quarter and $52.9 million for the year')
g('FY2025Q4','cash_investments','total','none','actual',2180,'usd_m','extra','cash, cash equivalents and marketable securities of $2.18 billion')
g('FY2025Q4','deferred_revenue','total','none','actual',1460,'usd_m','extra','Deferred revenue was $1.46 billion')
g('FY2025Q4','headcount','total','none','actual',6900,'count','extra','We finished the year with approximately 6,900 employees')
gg('FY2026Q1','revenue','total','gaap',806,814,'usd_m','core','For the first quarter of fiscal 2026, we expect revenue of $806 million to $814 million')
gg('FY2026Q1','operating_margin','total','non_gaap',21,21,'pct','core','adjusted operating margin of approximately 21%')
gg('FY2026Q1','eps_diluted','total','non_gaap',0.86,0.88,'usd','core','adjusted EPS of $0.86 to $0.88')
gg('2026FY','revenue','total','gaap',3430,3470,'usd_m','core','For the full fiscal year 2026, we expect revenue of $3.43 billion to $3.47 billion')
gg('2026FY','operating_margin','total','non_gaap',23.0,24.0,'pct','core','We expect an adjusted operating margin of 23.5%, plus or minus 50 basis points')
gg('2026FY','eps_diluted','total','non_gaap',4.00,4.10,'usd','core','adjusted EPS of $4.00 to $4.10')
gg('2026FY','tax_rate','total','non_gaap',21,21,'pct','extra',"We're assuming an adjusted tax rate of 21%")
t=d.save(T); print(len(t),len(d.rows))
