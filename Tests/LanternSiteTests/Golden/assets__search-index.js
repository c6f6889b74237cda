window.LANTERN_SEARCH = [
{"u":"modules/intro/","t":"Introduction","s":"What peer support is.","h":[["What peer support is","what-peer-support-is"]],"x":"what peer support ispeer is from someone with lived experience read listening next"},
{"u":"modules/listening/","t":"Listening","s":"Listening so people feel heard.","h":[["Listening","listening"],["Open questions","open-questions"]],"x":"listeningopen questionsask what and how questions see the introduction"}
];
