/** The statutory documents the rules' `basis` lines cite, by full title and document number. */

/** The current format (2021 reports on), issued 2021-09-26. */
export const FORMAT_2021_NOTICE =
  "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）";

/** The trial format (2019 and 2020 reports). */
export const FORMAT_2019_NOTICE =
  "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）";
