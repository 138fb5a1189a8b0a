from lib import *
d = Doc('dev', '06_marisco_investor_day_agenda.md')
T = """# Marisco Group 2025 Investor Day

**Thursday, June 12, 2025 · The Hudson Conference Center, 601 West 33rd Street, New York, NY**

Registration and breakfast open at 7:30 a.m. ET. The program begins at 8:30 a.m. ET and concludes with a lunch reception at 1:15 p.m. ET. A live webcast will be available at investors.marisco.com, and a replay will be posted within 24 hours.

## Agenda

| Time (ET) | Session | Speaker |
|---|---|---|
| 7:30 - 8:30 a.m. | Registration, breakfast and product showcase (Level 2, Rooms 204-210) | |
| 8:30 - 8:40 a.m. | Welcome and safe harbor | Irene Solberg, Vice President, Investor Relations |
| 8:40 - 9:20 a.m. | Strategy: building the operating system for logistics | Daniel Ferro, Chief Executive Officer |
| 9:20 - 9:55 a.m. | Product roadmap and the Q3 2025 platform release | Amara Lintz, Chief Product Officer |
| 9:55 - 10:10 a.m. | Break | |
| 10:10 - 10:45 a.m. | Customer panel: three shippers on 40% faster dock turns | Moderated by Kofi Asante, Chief Customer Officer |
| 10:45 - 11:20 a.m. | Go-to-market: from 2,300 to 5,000 enterprise logos | Rachel Oyelaran, Chief Revenue Officer |
| 11:20 - 12:00 p.m. | Financial framework and capital allocation | Stefan Marr, Chief Financial Officer |
| 12:00 - 12:45 p.m. | Q&A with the executive team | All presenters |
| 12:45 - 1:15 p.m. | Closing remarks | Daniel Ferro |
| 1:15 p.m. | Lunch reception and product demonstrations | |

## Speakers

**Daniel Ferro** has led Marisco since 2019. Before Marisco, he spent 14 years at a global freight forwarder, most recently running a division of 6,000 people across 22 countries.

**Stefan Marr** joined Marisco as Chief Financial Officer in March 2024 from a public software company, where he oversaw the finance, tax and investor relations functions. He is a member of the board of two non-profit organizations.

**Amara Lintz** leads a product and engineering organization of about 1,400 people in Boston, Krakow and Pune. She holds 11 patents in route optimization.

**Rachel Oyelaran** joined in 2022 and leads sales, partnerships and customer success, a team of roughly 900.

**Kofi Asante** oversees customer success and support for customers in 48 countries.

## Customer panel

The panel features operations leaders from three Marisco customers: a grocery distributor that moves 1.2 million pallets a year through 31 distribution centers; a third-party logistics provider that cut detention fees by $4.6 million after deploying Marisco Yard; and an automotive parts supplier that reduced average dock turn time from 52 minutes to 31 minutes, roughly 40% faster.

## Product showcase

Demonstration stations on Level 2 will show Marisco Yard, Marisco Dock and the new Marisco Copilot assistant. Marisco Copilot enters general availability with the Q3 2025 platform release and will be priced at $18 per dock door per month, with volume discounts above 500 doors. Attendees can try the carbon reporting module, which estimates emissions per shipment to within 5%.

## Logistics for attendees

- In-person attendance is limited to 250 registered guests. Please register by May 30, 2025; confirmation emails will be sent within 2 business days.
- The closest subway stop is 34 St-Hudson Yards (7 line), about a 6-minute walk. Discounted parking is available at the 10th Avenue garage for $45 per day with validation.
- A block of 120 rooms has been reserved at the Hudson Park Hotel at a group rate of $329 per night through May 28.
- For accessibility requests, contact the investor relations team at least 10 days before the event.

## Materials and webcast

Presentation slides will be posted to the investor relations website at 8:15 a.m. ET on the day of the event. The webcast will include live captions in English and will remain available for 90 days. Questions may be submitted through the webcast portal; we will try to answer as many as possible during the 45-minute Q&A session.

Management will refer to the company's first quarter fiscal 2025 results, which were reported on May 6, 2025, and are available on the investor relations website; no new financial results will be reported at the event. Consistent with our practice, the financial framework session will discuss the company's long-range planning approach and capital allocation priorities.

## Contacts

Investor Relations: Irene Solberg, +1 (617) 555-0172, ir@marisco.com
Media: Tomasz Weber, +1 (617) 555-0190, press@marisco.com

## Safe harbor

Presentations at the event may include forward-looking statements about Marisco's strategy, products, markets and long-range plans. These statements are based on current expectations and are subject to risks and uncertainties, including those described in the company's most recent Annual Report on Form 10-K and Quarterly Report on Form 10-Q. Marisco undertakes no obligation to update any forward-looking statement. Presenters may also refer to non-GAAP measures; reconciliations, where applicable, will be included in the presentation materials.

*Marisco Group, 200 Clarendon Street, Boston, MA 02116. This agenda is subject to change. Times are approximate.*
"""
d.nonfin(); t=d.save(T); print(len(t))
