from lib import *
d = Doc('holdout', '04_brackwater_sustainability_report_2024.md')
T = """# Brackwater Industries 2024 Sustainability Report: Highlights

*Published May 14, 2025. Reporting period: January 1 - December 31, 2024, unless stated otherwise. Prepared with reference to the GRI Standards and the SASB Industrial Machinery & Goods standard.*

## A message from our Chief Sustainability Officer

In 2024 we made the largest single-year reduction in our operational emissions since we began reporting in 2017. Scope 1 and 2 (market-based) emissions fell 18% to 212,400 metric tons of CO2e, and we are now 41% below our 2019 baseline, well on the way to our 2030 goal of a 50% reduction. We also set our first supplier engagement target: by 2027, suppliers representing 70% of our purchased-goods emissions will have science-based targets.

None of this is possible without the 12,600 people who make Brackwater work every day, in 38 manufacturing sites across 14 countries.

## 2024 at a glance

| Indicator | 2022 | 2023 | 2024 |
|---|---:|---:|---:|
| Scope 1 and 2 emissions (thousand t CO2e, market-based) | 281.7 | 259.0 | 212.4 |
| Scope 3 emissions, purchased goods (thousand t CO2e) | 1,904 | 1,862 | 1,815 |
| Renewable electricity share | 38% | 47% | 63% |
| Energy intensity (MWh per \\$ million of production value) | 96.4 | 91.2 | 84.7 |
| Water withdrawn (million cubic meters) | 4.9 | 4.6 | 4.3 |
| Waste diverted from landfill | 81% | 84% | 88% |
| Total recordable incident rate (per 200,000 hours) | 0.92 | 0.81 | 0.74 |
| Women in the global workforce | 24% | 25% | 27% |
| Women in leadership roles | 21% | 23% | 26% |
| Employee engagement score (out of 100) | 71 | 73 | 76 |
| Training hours per employee | 21.5 | 24.0 | 26.8 |
| Community investment (\\$ million) | 9.1 | 10.4 | 12.5 |

## Climate

Our decarbonization program centers on three levers: electrifying process heat, buying renewable electricity, and improving the energy efficiency of our plants. In 2024 we signed two virtual power purchase agreements covering 140 gigawatt-hours a year, completed 62 energy-efficiency projects with an average payback of 2.8 years, and replaced natural-gas furnaces at our Ostrava and Monterrey plants with induction units.

We invested \\$38 million in decarbonization projects in 2024 and have committed a further \\$150 million through 2028. These figures are included in our overall capital program and are not incremental to it. Our internal carbon price of \\$85 per metric ton is applied to every capital project above \\$2 million.

Our products also help customers reduce emissions. The ClearFlow pump line, launched in the third quarter of 2024, uses 22% less energy than the model it replaces, and sales of products that qualify as energy-efficient under our internal taxonomy grew to 31% of units shipped, up from 26%.

## Water and materials

Water withdrawal fell 7% to 4.3 million cubic meters. Eleven of our sites are in regions of high baseline water stress; at these sites we cut withdrawal by 12% and recycled 1.1 million cubic meters. Recycled content in the steel and aluminum we buy rose to 46% by weight.

## People and safety

Our total recordable incident rate improved to 0.74, and our lost-time incident rate was 0.19. There were no fatalities in 2024 for the fourth consecutive year, and 29 of our 38 sites completed the year without a recordable injury.

We hired 2,150 people in 2024, including 410 apprentices and graduates. Voluntary turnover was 9.8%, down from 11.4%. The median employee received 26.8 hours of training. Our pay-equity review covered 96% of employees and found an adjusted gender pay gap of less than 1% in every country reviewed; we made remediation adjustments totaling \\$1.4 million.

## Communities

Brackwater and the Brackwater Foundation contributed \\$12.5 million to communities in 2024, including \\$4.2 million in scholarships for technical education and \\$3.1 million in disaster relief. Employees volunteered 61,000 hours, and 44% of employees took part in at least one volunteering event.

## Governance

Sustainability oversight sits with the Nominating and Governance Committee of the Board, which met five times in 2024 and reviewed climate risk twice. Ten of our eleven directors are independent, and four are women. Since 2023, 15% of the annual bonus for senior executives has been tied to sustainability metrics, including emissions reduction and safety.

Our climate risk assessment, aligned with the TCFD recommendations, modeled physical and transition risks under 1.5°C and 3°C scenarios. Under the 1.5°C scenario, a carbon price of \\$140 per ton by 2030 would add an estimated \\$24 million a year to operating costs if no mitigation actions were taken; we expect our current decarbonization plan to offset most of that exposure.

## Targets and progress

| Target | Baseline | 2024 status |
|---|---|---|
| 50% cut in Scope 1 and 2 emissions by 2030 | 2019 | 41% reduction |
| 100% renewable electricity by 2030 | 2019: 22% | 63% |
| Zero waste to landfill at 30 sites by 2028 | 2021: 6 sites | 19 sites |
| 30% women in leadership by 2030 | 2020: 18% | 26% |
| TRIR below 0.60 by 2027 | 2019: 1.24 | 0.74 |

## About this report

The financial information referenced in this report is consistent with our Annual Report on Form 10-K for the fiscal year ended December 31, 2024, which contains our audited financial statements; this report does not restate or update those results. Environmental data were assured at a limited level by an independent assurance provider. Some prior-year data have been restated to reflect improved methodology and the divestiture of our filtration business in the second quarter of 2023.

*Contact: sustainability@brackwater.com · Brackwater Industries, 1200 Harbor Point Drive, Milwaukee, WI 53202*
"""
d.nonfin(); t=d.save(T); print(len(t))
