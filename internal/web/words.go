package web

import (
	"net/http"

	"entraide/internal/words"

	"github.com/labstack/echo/v4"
)

// wordInput is the form adding a watched word.
type wordInput struct {
	Pattern string `form:"pattern"`
	Action  string `form:"action"`
}

type wordsPage struct {
	Layout
	Words   []words.Word
	Actions []words.Action
	Form    Form[wordInput]
}

// wordsPageFor reads the list for the page, with form kept.
func (s *Server) wordsPageFor(c echo.Context, form Form[wordInput]) (*wordsPage, error) {
	page := &wordsPage{Layout: s.layout(c, "words.title"), Actions: words.Actions, Form: form}
	var err error
	page.Words, err = s.words.List(c.Request().Context())
	return page, err
}

// showWords is the moderators' list of watched words and the form to add one.
func (s *Server) showWords(c echo.Context) error {
	form := formOf(wordInput{Action: string(words.Masking)})
	page, err := s.wordsPageFor(c, form)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "mod/words", page)
}

func (s *Server) createWord(c echo.Context) error {
	form := readForm[wordInput](c)
	if _, err := s.words.Add(c.Request().Context(), currentUser(c), form.Input.Pattern, words.Action(form.Input.Action)); err != nil {
		page, perr := s.wordsPageFor(c, form)
		if perr != nil {
			return perr
		}
		return s.formAgain(c, err, form, &page.Layout, "mod/words", page)
	}
	return redirect(c, "/mod/words", "words.flash.added")
}

func (s *Server) deleteWord(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := s.words.Delete(c.Request().Context(), currentUser(c), id); err != nil {
		return err
	}
	return redirect(c, "/mod/words", "words.flash.deleted")
}
