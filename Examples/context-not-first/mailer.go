// Package mailer sends transactional e-mail through an SMTP relay.
package mailer

import (
	"context"
	"net/smtp"
)

type Message struct {
	To      []string
	Subject string
	Body    string
}

type Sender interface {
	Send(msg Message, ctx context.Context) error
}

type Relay struct {
	addr string
	auth smtp.Auth
	from string
}

// SendAll takes the context last: callers reading `relay.SendAll(msgs, ...)` miss it.
func (r *Relay) SendAll(msgs []Message, ctx context.Context) error {
	for _, msg := range msgs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.send(ctx, msg); err != nil {
			return err
		}
	}
	return nil
}

func (r *Relay) send(ctx context.Context, msg Message) error {
	body := "Subject: " + msg.Subject + "\r\n\r\n" + msg.Body
	return smtp.SendMail(r.addr, r.auth, r.from, msg.To, []byte(body))
}
