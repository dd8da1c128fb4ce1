// The text pipeline (issue 4): normalise → tokenise → stop words → light stemming, plus
// script-based language detection. Rules and the model both go through here.
export { normalize } from './normalize';
export { tokenize, stripHandlesAndUrls } from './tokenize';
export { stem, stemArabic } from './stem';
export { isStopWord } from './stopwords';
export { detectLanguage } from './language';
export { analyze, termsOf, type Analysis } from './analyze';
