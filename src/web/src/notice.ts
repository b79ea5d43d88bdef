/** The educational-use notice every page and report carries. */
export const NOTICE =
  'Educational use only. Crosstalk summarises published research; it is not medical advice and does not recommend using any substance, alone or together. Talk to a pharmacist or doctor before combining substances.';
