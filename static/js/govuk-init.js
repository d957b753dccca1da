// Start every GOV.UK Frontend component on the page (character count,
// radios with conditional reveal, error summary focus, service navigation...).
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
