/* Search that understands questions.
 *
 * Material's search adds a trailing wildcard to every word of a query, and lunr skips its stop-word filter
 * and stemmer for wildcard terms: so "do", "i", "be" and "on" match nearly every page, and "complaining"
 * never meets "complain". Before a query reaches the search worker this drops the small words of a question
 * (lunr's own English stop words, plus words people put in questions, and "school", which every page of a
 * school's handbook is about), reduces each remaining word to a
 * simple stem so its wildcard finds every form, and lets longer words match with one typo ("facebok").
 * A query written in search syntax (+, -, ~, ^, quotes, field:) is left exactly as typed.
 * This file is loaded before Material's own script, so it can wrap the Worker the search runs in.
 */
(function () {
  "use strict";
  var LUNR_STOP_WORDS = ["a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any", "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do", "does", "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like", "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often", "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to", "too", "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "yet", "you", "your"];
  var QUESTION_WORDS = ["someone", "somebody", "something", "anyone", "anybody", "anything", "im", "ive",
    "id", "dont", "doesnt", "cant", "wont", "isnt", "whats", "hows", "theres", "thats", "okay", "ok", "ever",
    "need", "want", "really", "allowed", "thing", "things", "way", "happens", "happen", "gets", "going",
    "left", "put", "still", "use", "using", "used", "one", "school", "schools"];
  var SMALL = new Set(LUNR_STOP_WORDS.concat(QUESTION_WORDS));

  function stem(word) {
    if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y";
    if (word.length > 5 && /ing$/.test(word)) return word.slice(0, -3);
    if (word.length > 4 && /ed$/.test(word)) return word.slice(0, -2);
    if (word.length > 4 && /es$/.test(word) && !/(ss|us)es$/.test(word)) return word.slice(0, -1);
    if (word.length > 3 && /s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function rewrite(query) {
    if (/[+~^:*"]|(^|\s)-/.test(query)) return query;
    var words = query.toLowerCase().replace(/[\u2018\u2019']/g, "").replace(/[^a-z0-9\u00c0-\u024f\s-]/g, " ")
      .split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) { return !SMALL.has(word); });
    if (!kept.length) return query;
    var terms = [];
    kept.forEach(function (word) {
      terms.push(stem(word));
      if (word.length >= 5 && word.indexOf("-") < 0) terms.push(word + "~1");
    });
    return terms.join(" ");
  }
  window.handbookSearchQuery = rewrite;  // for the search tests, which measure what readers type

  var NativeWorker = window.Worker;
  if (!NativeWorker) return;
  function QuestionWorker(url, options) {
    var worker = new NativeWorker(url, options);
    var post = worker.postMessage.bind(worker);
    worker.postMessage = function (message, transfer) {
      if (message && message.type === 2 && typeof message.data === "string") {  // 2: a search query
        message = { type: 2, data: rewrite(message.data) };
      }
      return transfer === undefined ? post(message) : post(message, transfer);
    };
    return worker;
  }
  QuestionWorker.prototype = NativeWorker.prototype;
  window.Worker = QuestionWorker;
})();
