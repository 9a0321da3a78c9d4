package clean

import "testing"

func TestShareFollow(t *testing.T) {
	runLineCases(t, []lineCase{
		{name: "follow us", line: "Follow us on Facebook, Twitter and Instagram", want: CodeShareFollow},
		{name: "follow glued names", line: "Follow us on FacebookTwitter and Instagram to stay connected", want: CodeShareFollow},
		{name: "share this article", line: "Share this article", want: CodeShareFollow},
		{name: "newsletter", line: "Sign up for our newsletter", want: CodeShareFollow},
		{name: "subscribe", line: "Subscribe to The Varnholt Courier for daily updates", want: CodeShareFollow},
		{name: "follow outlet", line: "Follow The Daily Lantern on Telegram", want: CodeShareFollow},
		{name: "share bar", line: "Facebook Twitter WhatsApp Email", want: CodeShareFollow},
		{name: "single network link", line: "Facebook", want: CodeShareFollow},
		{name: "follow section with handle", line: "Follow The Daily Lantern Opinion section on Facebook, Twitter (@LanternOpinion) and Instagram.", want: CodeShareFollow},
		{name: "like this story", line: "Like this story? Share it with a friend!", want: CodeShareFollow},
		{name: "clicking here", line: "GET THE LANTERN ON THE GO BY CLICKING HERE", want: CodeShareFollow},
		{name: "reach the reporter", line: "Reach the reporter on Twitter at @anakovac", want: CodeShareFollow},
		{name: "subscribe to the outlet", line: "Subscribe to Lantern Watch and stay informed with our analysts.", outlet: "Lantern Watch", want: CodeShareFollow},
		{name: "subscribe to a channel", line: "Subscribe to the Lantern 24 YouTube Channel for all the latest videos", want: CodeShareFollow},
		{name: "subscribe to a service is content", line: "Subscribe to a streaming service to watch the final.", want: ""},
		{name: "followers said", line: "Followers of the mayor on Facebook said the shelters were full.", want: ""},
		{name: "reporting with follow", line: "Officials said they would follow the court's ruling closely, and several ministers later shared the decision on Facebook and Twitter.", want: ""},
		{name: "short reporting with network", line: "He posted the video on Facebook.", want: ""},
		{name: "subscribers sentence", line: "Subscribers complained that the service had failed for three days in a row.", want: ""},
		{name: "sign up for a service is content", line: "Sign up for a streaming account for $9 a month to watch the final.", want: ""},
		{name: "follow-up talks", line: "Follow-up talks are expected in Geneva next week, diplomats said.", want: ""},
	})
}
